package rs.greenvoucher.core.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;

/**
 * ApplicationSubmitted revision 1 (no revision stored) had no applicant language; projections looked it up in the
 * account table, so a replay depended on today's accounts. Revision 2 carries it. Stored revision-1 events are read
 * with the scheme's default language, "sr": the same answer on every replay.
 */
@Component
@Order(1)
public class ApplicationSubmittedV1ToV2 extends AddedFields {

    public ApplicationSubmittedV1ToV2() {
        super(ApplicationSubmitted.class, null, "2");
    }

    @Override
    void add(ObjectNode payload) {
        if (!payload.hasNonNull("applicantLanguage")) {
            payload.put("applicantLanguage", "sr");
        }
    }
}
