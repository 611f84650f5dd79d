package rs.greenvoucher.core.providers.prequalification;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.provider.Organisation;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.ApplyToProvide;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.ApproveProviderApplication;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.RefuseProviderApplication;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.voucher.attach.DocumentFiles;

import java.time.Clock;

/**
 * The use case of pre-qualification: an organisation applies, an ADMIN approves or refuses. Approval is one unit of
 * work: the application's event, the list's new provider (its code) and the account's link commit together.
 */
@Component
class ProviderApplications {

    private final Repository<ProviderApplication> applications;
    private final ProviderClaims claims;
    private final ProviderAccounts accounts;
    private final ProviderList list;
    private final DocumentFiles files;
    private final Clock clock;

    ProviderApplications(@Qualifier("providerApplicationRepository") Repository<ProviderApplication> applications,
                         ProviderClaims claims, ProviderAccounts accounts, ProviderList list, DocumentFiles files, Clock clock) {
        this.applications = applications;
        this.claims = claims;
        this.accounts = accounts;
        this.list = list;
        this.files = files;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ApplyToProvide command) throws Exception {
        accounts.requireUnlinked(command.accountId());
        Organisation organisation = command.organisation();
        applications.newInstance(() -> {
            ProviderApplication application = new ProviderApplication(command.applicationId(), command.accountId(), organisation,
                    clock.instant());
            claims.claim(organisation.mb(), command.applicationId()); // L3, in this transaction, after P2
            return application;
        });
    }

    /** The file is sealed and stored in the same transaction as its event (the store's caps hold per application). */
    @CommandHandler
    DocumentStore.Stored handle(AttachProviderDocument command) {
        Aggregate<ProviderApplication> application = applications.load(command.applicationId().toString());
        application.execute(a -> a.requireAttachable(command.accountId(), command.upload().kind()));
        DocumentStore.Stored stored = files.attach(command.applicationId(), command.accountId().toString(), command.upload(), clock.instant());
        application.execute(a -> a.attached(stored, clock.instant()));
        return stored;
    }

    @CommandHandler
    ProviderCode handle(ApproveProviderApplication command) {
        Aggregate<ProviderApplication> application = applications.load(command.applicationId().toString());
        Organisation organisation = application.invoke(ProviderApplication::toApprove);
        ProviderCode code = list.qualify(organisation, command.by());
        application.execute(a -> a.approve(code, command.note(), command.by(), clock.instant()));
        accounts.link(application.invoke(ProviderApplication::accountId), code);
        return code;
    }

    @CommandHandler
    void handle(RefuseProviderApplication command) {
        applications.load(command.applicationId().toString())
                .execute(a -> a.refuse(command.ruleCodes(), command.reason(), command.by(), clock.instant()));
    }
}
