package rs.greenvoucher.core.voucher;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.DocumentAttached;

import java.util.List;
import java.util.function.Consumer;

/**
 * The voucher applications, for the use cases' handlers: a new one from its first event, an existing one loaded in
 * the command's unit of work (and database transaction, with the limits), and the one guard that makes every
 * decision idempotent.
 */
@Component
public class Vouchers {

    private final Repository<VoucherApplication> repository;

    public Vouchers(@Qualifier("voucherApplicationRepository") Repository<VoucherApplication> repository) {
        this.repository = repository;
    }

    public void create(ApplicationSubmitted submitted, List<DocumentAttached> documents) throws Exception {
        repository.newInstance(() -> new VoucherApplication(submitted, documents));
    }

    public Aggregate<VoucherApplication> load(VoucherCommand command) {
        return repository.load(command.applicationId().toString());
    }

    /** Runs {@code decide} on the application unless it has seen this decision before: then nothing happens. */
    public void decide(VoucherCommand.Decision command, Consumer<VoucherApplication> decide) {
        load(command).execute(application -> {
            if (!application.hasSeen(command.decisionId())) {
                decide.accept(application);
            }
        });
    }
}
