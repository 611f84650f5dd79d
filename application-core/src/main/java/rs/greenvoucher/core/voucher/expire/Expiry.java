package rs.greenvoucher.core.voucher.expire;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.voucher.Vouchers;

import java.time.Clock;

/** The deadline passed: an approved voucher that is not completed expires and its amount goes back; otherwise nothing. */
@Component
public record Expiry(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(ExpireVoucher command) {
        vouchers.load(command).execute(application -> {
            if (application.status() == ApplicationStatus.APPROVED || application.status() == ApplicationStatus.COMPLETION_REPORTED) {
                application.record(new VoucherExpired(command.applicationId(), application.callId(), application.approvedAmount(),
                        clock.instant()));
            }
        });
    }
}
