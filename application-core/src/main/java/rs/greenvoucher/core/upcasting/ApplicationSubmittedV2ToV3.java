package rs.greenvoucher.core.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;

/**
 * Revision 3 of ApplicationSubmitted carries the applicant's verified e-mail. Revision-2 events were submitted
 * before addresses were verified: they are read with none, and their mails keep going to the form's contact
 * address, as they always did.
 */
@Component
@Order(2)
public class ApplicationSubmittedV2ToV3 extends AddedFields {

    public ApplicationSubmittedV2ToV3() {
        super(ApplicationSubmitted.class, "2", "3");
    }

    @Override
    void add(ObjectNode payload) {
        if (!payload.has("applicantEmail")) {
            payload.putNull("applicantEmail");
        }
    }
}
