package rs.greenvoucher.core.voucher;

import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RefusalCode;

/** The action does not fit the application's current status (INVALID_TRANSITION, with the status it is in). */
public class InvalidTransition extends Refusal {

    private final ApplicationStatus current;

    public InvalidTransition(String action, ApplicationStatus current) {
        super(RefusalCode.INVALID_TRANSITION, "Cannot " + action + " an application that is " + current + ".",
                java.util.List.of(), java.util.List.of(), java.util.Map.of("currentStatus", current.name()));
        this.current = current;
    }

    public ApplicationStatus current() {
        return current;
    }
}
