package rs.greenvoucher.platform.kafka;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The opening of every consumer of a JSON topic: a message that is not JSON at all is a poison message. */
public final class ReadableMessages {

    private ReadableMessages() {
    }

    /** The message as a JSON tree; {@code what} names it in the dead letter's reason ("a decision"). */
    public static JsonNode tree(JsonMapper json, String message, String what) {
        try {
            return json.readTree(message);
        } catch (JacksonException e) {
            throw new PoisonMessageException("not a readable " + what + ": " + e.getOriginalMessage(), e);
        }
    }
}
