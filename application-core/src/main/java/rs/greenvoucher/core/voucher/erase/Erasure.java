package rs.greenvoucher.core.voucher.erase;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.voucher.InvalidTransition;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;

/** Only a closed application: the scheme still needs the data of one that is under way (docs/adr/0011). Once. */
@Component
public record Erasure(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public void handle(ErasePersonalData command) {
        vouchers.load(command).execute(application -> {
            if (!application.status().isClosed()) {
                throw new InvalidTransition("erase the personal data of", application.status());
            }
            if (application.personalDataErased()) {
                return;
            }
            if (application.pendingCorrection() != null) {
                throw new Refusal(RefusalCode.CORRECTION_PENDING, "A correction of this application waits for a second "
                        + "administrator; confirm or decline it before erasing.");
            }
            application.record(new PersonalDataErased(command.applicationId(), application.applicantId(), command.reason(),
                    command.erasedBy(), application.status(), clock.instant()));
        });
    }
}
