package rs.greenvoucher.core.voucher.complete;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.voucher.Vouchers;

import java.time.Clock;

/** The applicant of an approved voucher, and only they, report its completion. */
@Component
public record CompletionReporting(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(ReportCompletion command) {
        vouchers.load(command).execute(application -> {
            application.requireOwner(command.applicantId());
            application.require(ApplicationStatus.APPROVED, "report completion of");
            application.record(new CompletionReported(command.applicationId(), command.report(), clock.instant()));
        });
    }
}
