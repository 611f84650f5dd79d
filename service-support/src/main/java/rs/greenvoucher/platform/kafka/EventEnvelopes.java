package rs.greenvoucher.platform.kafka;

import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.platform.privacy.PersonalJson;
import rs.greenvoucher.platform.privacy.PersonalKeys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a message of gv.application.events; anything that is not a complete envelope is a poison message. */
public final class EventEnvelopes {

    private EventEnvelopes() {
    }

    public static EventEnvelope read(JsonMapper json, String message) {
        try {
            EventEnvelope envelope = json.readValue(message, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.applicationId() == null || envelope.type() == null
                    || envelope.payload() == null || envelope.occurredAt() == null) {
                throw new IllegalArgumentException("eventId, applicationId, type, occurredAt and payload are required");
            }
            return envelope;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonMessageException("not a readable event envelope: " + e.getMessage(), e);
        }
    }

    /**
     * The envelope's payload as the message its type names. Fields this code does not know are ignored (adding one
     * is not a breaking change); a type it does not know is {@link ApplicationMessage.Unrecognised}; a payload that
     * does not fit its type is a poison message.
     */
    public static ApplicationMessage message(JsonMapper json, EventEnvelope envelope) {
        return message(json, envelope, subject -> null);
    }

    /**
     * The same, with the personal fields opened with the application's key ({@link PersonalData}); they read as
     * erased once the key is gone.
     */
    public static ApplicationMessage message(JsonMapper json, EventEnvelope envelope, PersonalKeys.Source keys) {
        tools.jackson.databind.JsonNode payload;
        try {
            payload = json.valueToTree(envelope.payload());
            PersonalJson.open(payload, envelope.type(), keys);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonMessageException(envelope.type() + " payload is not readable: " + e.getMessage(), e);
        }
        try {
            ApplicationMessage message = json.readerFor(ApplicationMessage.classOf(envelope.type()))
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(payload);
            // the envelope's applicationId and occurredAt are the ones consumers use
            if (message.status() == null) {
                throw new IllegalArgumentException("status is required");
            }
            return message;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException(envelope.type() + " payload is not readable: " + e.getMessage(), e);
        }
    }
}
