package rs.greenvoucher.core.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import rs.greenvoucher.api.application.StoredEventNames;

/**
 * An event's next revision adds fields: a stored event of revision {@code from} is read as revision {@code to} with
 * {@link #add(ObjectNode)}'s values, the same on every replay. Each revision step is a subclass that says only what
 * it adds.
 */
abstract class AddedFields extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    AddedFields(Class<?> event, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(StoredEventNames.of(event), fromRevision);
        this.to = new SimpleSerializedType(StoredEventNames.of(event), toRevision);
    }

    /** Puts the fields the new revision has, where the stored payload lacks them. */
    abstract void add(ObjectNode payload);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            add(upcast);
            return upcast;
        });
    }
}
