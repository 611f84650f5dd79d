package rs.greenvoucher.core.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
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
public class ApplicationSubmittedV1ToV2 extends SingleEventUpcaster {

    static final SimpleSerializedType V1 = new SimpleSerializedType(ApplicationSubmitted.class.getName(), null);
    static final String V2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(V1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(V1.getName(), V2), JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            if (!upcast.hasNonNull("applicantLanguage")) {
                upcast.put("applicantLanguage", "sr");
            }
            return upcast;
        });
    }
}
