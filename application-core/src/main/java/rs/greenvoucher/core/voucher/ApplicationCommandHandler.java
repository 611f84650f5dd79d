package rs.greenvoucher.core.voucher;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import rs.greenvoucher.platform.refusal.ProviderCount;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationCommand.ConfirmCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.DecideOnApplication;
import rs.greenvoucher.api.application.ApplicationCommand.DeclineCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.ErasePersonalData;
import rs.greenvoucher.api.application.ApplicationCommand.ExpireVoucher;
import rs.greenvoucher.api.application.ApplicationCommand.MatchProviders;
import rs.greenvoucher.api.application.ApplicationCommand.ProposeCorrection;
import rs.greenvoucher.api.application.ApplicationCommand.RejectApplication;
import rs.greenvoucher.api.application.ApplicationCommand.ReportCompletion;
import rs.greenvoucher.api.application.ApplicationCommand.ScreenApplication;
import rs.greenvoucher.api.application.ApplicationCommand.SubmitApplication;
import rs.greenvoucher.api.application.ApplicationCommand.VerifyCompletion;
import rs.greenvoucher.api.application.ApplicationCommand.WithdrawApplication;
import rs.greenvoucher.api.application.ApplicationCommand;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.core.limits.Limits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Handles every command on a voucher application. The aggregate decides the transition; this handler adds what
 * needs more than one application's history — the open call, the provider list and the set-based limits — in the
 * same unit of work and database transaction, so a refusal anywhere leaves no event and no limit row behind.
 */
@Component
public class ApplicationCommandHandler {

    /** The scheme's calendar: a submission belongs to the call open on its day in Serbia. */

    private final Repository<VoucherApplication> repository;
    private final Limits limits;
    private final Clock clock;

    public ApplicationCommandHandler(@Qualifier("voucherApplicationRepository") Repository<VoucherApplication> repository,
                                     Limits limits, Clock clock) {
        this.repository = repository;
        this.limits = limits;
        this.clock = clock;
    }

    @CommandHandler
    public Submitted handle(SubmitApplication command) throws Exception {
        Instant now = clock.instant();
        LocalDate today = SchemeRules.day(now);
        Limits.OpenCall call = limits.callOpenOn(today).orElseThrow(RuleViolation::callClosed);
        ApplicationForm form = command.form();
        SubmissionRules.check(form, call.parameters(), today);
        ProviderCount.require("providerCodes", form.providerCodes()); // before the limits: an unknown fourth is refused by L2
        limits.requireActiveProviders(form.providerCodes(), "providerCodes");
        limits.claimEnterprise(form.enterprise().mb(), command.applicationId());
        limits.claimOpenApplicationSlot(command.applicantId(), command.applicationId());
        String trackingCode = limits.nextTrackingCode(today.getYear());
        repository.newInstance(() -> new VoucherApplication(command, trackingCode, call.id(), now));
        return new Submitted(command.applicationId(), trackingCode);
    }

    @CommandHandler
    public void handle(ScreenApplication command) {
        load(command).execute(a -> a.screen(command, clock.instant()));
    }

    @CommandHandler
    public void handle(MatchProviders command) {
        load(command).execute(a -> {
            if (!a.hasSeen(command.decisionId())) {
                ProviderCount.require("providerCodes", command.providerCodes());
                if (command.providerCodes() != null) {
                    limits.requireActiveProviders(command.providerCodes(), "providerCodes");
                }
                a.matchProviders(command, clock.instant());
            }
        });
    }

    @CommandHandler
    public void handle(RejectApplication command) {
        load(command).execute(a -> a.reject(command, clock.instant()));
    }

    @CommandHandler
    public void handle(DecideOnApplication command) {
        load(command).execute(a -> {
            if (a.hasSeen(command.decisionId())) {
                return;
            }
            CallParameters call = limits.callParameters(a.callId());
            a.decide(command, call, clock.instant());
            if (command.approve()) {
                limits.reserveBudget(a.callId(), command.amount());
            }
        });
    }

    @CommandHandler
    public void handle(WithdrawApplication command) {
        load(command).execute(a -> a.withdraw(command, clock.instant()));
    }

    @CommandHandler
    public void handle(ReportCompletion command) {
        load(command).execute(a -> a.reportCompletion(command, clock.instant()));
    }

    @CommandHandler
    public void handle(VerifyCompletion command) {
        load(command).execute(a -> a.verifyCompletion(command, clock.instant()));
    }

    @CommandHandler
    public void handle(ProposeCorrection command) {
        load(command).execute(a -> a.proposeCorrection(command, clock.instant()));
    }

    /** A reinstated application holds its enterprise (L1) and its account's slot again, in the same transaction. */
    @CommandHandler
    public void handle(ConfirmCorrection command) {
        load(command).execute(a -> {
            if (a.reinstates(command)) {
                limits.claimEnterprise(a.mb(), command.applicationId());
                limits.claimOpenApplicationSlot(a.applicantId(), command.applicationId());
            }
            a.confirmCorrection(command, clock.instant());
        });
    }

    @CommandHandler
    public void handle(DeclineCorrection command) {
        load(command).execute(a -> a.declineCorrection(command, clock.instant()));
    }

    @CommandHandler
    public void handle(ErasePersonalData command) {
        load(command).execute(a -> a.erasePersonalData(command, clock.instant()));
    }

    @CommandHandler
    public void handle(ExpireVoucher command) {
        load(command).execute(a -> a.expire(clock.instant()));
    }

    @CommandHandler
    public void handle(RefuseDecision command) {
        repository.load(command.applicationId().toString())
                .execute(a -> a.refuseDecision(command.decisionId(), command.code(), command.reason(), clock.instant()));
    }

    private Aggregate<VoucherApplication> load(ApplicationCommand command) {
        return repository.load(command.applicationId().toString());
    }
}
