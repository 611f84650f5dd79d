package rs.greenvoucher.core.voucher.inform;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationEvent.InformationRequestExpired;
import rs.greenvoucher.api.application.ApplicationEvent.ReplyReminderDue;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.Vouchers;

import java.time.Clock;
import java.util.UUID;

/**
 * What a request's deadline does when its day comes ({@link InformationDeadlines} sends these): reminds the applicant,
 * or expires the application at its stage (D3). The deadline's row is taken in the command's transaction, after the
 * application, and changed with the event, so each happens exactly once; a request that no longer waits (answered,
 * withdrawn) only loses its row.
 */
@Component
public record RequestDeadlines(Vouchers vouchers, DeadlineRows rows, Clock clock) {

    @CommandHandler
    public void handle(RemindApplicant command) {
        vouchers.load(command).execute(application -> {
            if (!rows.takeReminder(command.applicationId(), command.requestId())) {
                return; // done already, or in another instance's hands
            }
            InformationRequested request = waiting(application, command.requestId());
            if (request == null) {
                rows.drop(command.applicationId(), command.requestId());
                return;
            }
            application.record(new ReplyReminderDue(command.applicationId(), request.decisionId(), request.replyBy(),
                    clock.instant()));
            rows.reminded(command.applicationId());
        });
    }

    @CommandHandler
    public void handle(ExpireRequest command) {
        vouchers.load(command).execute(application -> {
            if (!rows.takeExpiry(command.applicationId(), command.requestId(), SchemeRules.day(clock.instant()))) {
                return;
            }
            InformationRequested request = waiting(application, command.requestId());
            if (request != null) {
                // asked at completion verification: the approved voucher's money goes back to the call
                application.record(new InformationRequestExpired(command.applicationId(), request.decisionId(),
                        request.stage(), application.callId(), application.approvedAmount(), request.replyBy(),
                        clock.instant()));
            }
            rows.drop(command.applicationId(), command.requestId());
        });
    }

    private static InformationRequested waiting(VoucherApplication application, UUID requestId) {
        InformationRequested request = application.openRequest();
        return application.status() == ApplicationStatus.INFORMATION_REQUESTED && request != null
                && request.decisionId().equals(requestId) ? request : null;
    }
}
