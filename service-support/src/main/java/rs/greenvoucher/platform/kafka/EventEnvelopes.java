package rs.greenvoucher.platform.kafka;

import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.platform.privacy.PersonalJson;
import rs.greenvoucher.platform.privacy.PersonalKeys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes and reads the messages of gv.application.events: the envelope with its payload's personal fields sealed with
 * the application's key ({@link PersonalData}) on the wire, and the typed message on each side. Anything that is not
 * a complete envelope, or a payload that does not fit its type, is a poison message.
 */
public final class EventEnvelopes {

    private EventEnvelopes() {
    }

    /** The envelope as it goes on the topic, its personal fields sealed (erased where the application has no key). */
    public static String write(JsonMapper json, EventEnvelope envelope, PersonalKeys.Source keys) {
        ObjectNode wire = json.valueToTree(envelope);
        PersonalJson.seal(wire.get("payload"), envelope.type(), keys);
        return json.writeValueAsString(wire);
    }

    /** An envelope read without keys: its personal fields read as erased. */
    public static EventEnvelope read(JsonMapper json, String message) {
        return read(json, message, subject -> null);
    }

    /**
     * The envelope with its payload as the message its type names, the personal fields opened with the application's
     * key (erased once the key is gone). Fields this code does not know are ignored (adding one is not a breaking
     * change); a type it does not know is {@link ApplicationMessage.Unrecognised}.
     */
    public static EventEnvelope read(JsonMapper json, String message, PersonalKeys.Source keys) {
        JsonNode wire;
        try {
            wire = json.readTree(message);
        } catch (JacksonException e) {
            throw new PoisonMessageException("not a readable event envelope: " + e.getMessage(), e);
        }
        UUID eventId = uuid(wire, "eventId");
        UUID applicationId = uuid(wire, "applicationId");
        String type = wire.path("type").isString() ? wire.get("type").asString() : null;
        JsonNode payload = wire.get("payload");
        if (eventId == null || applicationId == null || type == null || !(payload instanceof ObjectNode)
                || !wire.path("occurredAt").isString()) {
            throw new PoisonMessageException("not a readable event envelope: eventId, applicationId, type, occurredAt and payload are required",
                    null);
        }
        try {
            PersonalJson.open(payload, type, keys);
            ApplicationMessage typed = json.readerFor(ApplicationMessage.classOf(type))
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
            if (typed.status() == null) {
                throw new IllegalArgumentException("status is required");
            }
            // the envelope's applicationId and occurredAt are the ones consumers use
            return new EventEnvelope(eventId, type, wire.path("schemaVersion").asInt(EventEnvelope.SCHEMA_VERSION), applicationId,
                    wire.path("sequence").asLong(), Instant.parse(wire.get("occurredAt").asString()), typed);
        } catch (JacksonException | IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            throw new PoisonMessageException(type + " payload is not readable: " + e.getMessage(), e);
        }
    }

    private static UUID uuid(JsonNode wire, String field) {
        try {
            return wire.path(field).isString() ? UUID.fromString(wire.get(field).asString()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
