package rs.greenvoucher.web.about;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who runs the portal and who funds the scheme: shown in every page's footer and on the contact, privacy and
 * accessibility pages. Settings of the deployment, never written into the code: the portal does not start without
 * them ({@code GV_OPERATOR_NAME}, {@code GV_OPERATOR_ADDRESS}, {@code GV_OPERATOR_EMAIL}, {@code GV_OPERATOR_PHONE},
 * {@code GV_SCHEME_FUNDER}; {@code ./run-local} sets the demo's). Also {@code ${@operator...}} in the pages.
 */
@Component("operator")
public class Operator {

    private final String name;
    private final String address;
    private final String email;
    private final String phone;
    private final String funder;

    Operator(@Value("${gv.web.operator.name:}") String name, @Value("${gv.web.operator.address:}") String address,
             @Value("${gv.web.operator.email:}") String email, @Value("${gv.web.operator.phone:}") String phone,
             @Value("${gv.web.operator.funder:}") String funder) {
        this.name = required("GV_OPERATOR_NAME", "the name of the organisation that runs the portal", name);
        this.address = required("GV_OPERATOR_ADDRESS", "its postal address", address);
        this.email = required("GV_OPERATOR_EMAIL", "the address applicants write to, for questions, access and erasure", email);
        this.phone = phone.isBlank() ? null : phone.strip();
        this.funder = required("GV_SCHEME_FUNDER", "who funds the scheme (the fund, ministry or bank behind it)", funder);
    }

    private static String required(String variable, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: " + what + ", shown on every page of the portal");
        }
        return value.strip();
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String email() {
        return email;
    }

    /** Null when the deployment gives none. */
    public String phone() {
        return phone;
    }

    public String funder() {
        return funder;
    }
}
