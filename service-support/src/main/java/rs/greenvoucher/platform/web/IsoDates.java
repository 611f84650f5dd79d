package rs.greenvoucher.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date in a request is its ISO text ("2027-02-01") and nothing else: not Jackson's array form [2027, 2, 1], not a
 * number of days since 1970, as the OpenAPI description says ({"type": "string", "format": "date"}).
 */
public final class IsoDates {

    private IsoDates() {
    }

    public static SimpleModule module() {
        return new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new Deserializer());
    }

    static final class Deserializer extends StdDeserializer<LocalDate> {

        Deserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().trim();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date as yyyy-mm-dd");
            }
        }
    }
}
