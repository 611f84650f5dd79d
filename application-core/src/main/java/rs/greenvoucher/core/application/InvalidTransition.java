package rs.greenvoucher.core.application;

import org.springframework.http.HttpStatus;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.platform.web.ApiException;

/** The action does not fit the application's current status (409 INVALID_TRANSITION). */
public class InvalidTransition extends ApiException {

    private final ApplicationStatus current;

    public InvalidTransition(String action, ApplicationStatus current) {
        super(HttpStatus.CONFLICT, "INVALID_TRANSITION",
                "Cannot " + action + " an application that is " + current + ".", java.util.List.of(),
                java.util.Map.of("currentStatus", current.name()));
        this.current = current;
    }

    public ApplicationStatus current() {
        return current;
    }
}
