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
 * Revision 3 of ApplicationSubmitted carries the applicant's verified e-mail. Revision-2 events were submitted
 * before addresses were verified: they are read with none, and their mails keep going to the form's contact
 * address, as they always did.
 */
@Component
@Order(2)
public class ApplicationSubmittedV2ToV3 extends SingleEventUpcaster {

    static final SimpleSerializedType V2 = new SimpleSerializedType(ApplicationSubmitted.class.getName(), "2");
    static final String V3 = "3";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(V2);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(V2.getName(), V3), JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            if (!upcast.has("applicantEmail")) {
                upcast.putNull("applicantEmail");
            }
            return upcast;
        });
    }
}
