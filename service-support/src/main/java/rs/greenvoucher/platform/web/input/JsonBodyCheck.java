package rs.greenvoucher.platform.web.input;

import rs.greenvoucher.platform.refusal.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One streaming pass over a JSON document: every field that breaks {@link InputRules}, named by its path. */
public final class JsonBodyCheck {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ERRORS = 20;

    private JsonBodyCheck() {
    }

    /** The fields of this JSON document that break {@link InputRules}; empty when it is fine or not JSON at all. */
    public static List<Refusal.Field> check(byte[] body) {
        List<Refusal.Field> errors = new ArrayList<>();
        Deque<Frame> path = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null && errors.size() < MAX_ERRORS; token = parser.nextToken()) {
                Frame here = path.peek();
                if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY
                        && here != null && here.array) {
                    here.index++;
                    if (here.index == InputRules.MAX_LIST_ITEMS) {
                        errors.add(new Refusal.Field(name(path), "at most " + InputRules.MAX_LIST_ITEMS + " items"));
                    }
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (path.size() >= InputRules.MAX_DEPTH) {
                            errors.add(new Refusal.Field(name(path), "is nested too deeply"));
                            return errors;
                        }
                        path.push(new Frame(token == JsonToken.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    case PROPERTY_NAME -> {
                        here.property = parser.currentName();
                        here.members++;
                        String problem = InputRules.checkText(here.property, false);
                        if (problem != null || here.property.length() > 100) {
                            errors.add(new Refusal.Field(name(path), "is not an acceptable field name"));
                        } else if (here.members > InputRules.MAX_MEMBERS) {
                            errors.add(new Refusal.Field(name(path), "too many fields"));
                        }
                    }
                    case VALUE_STRING -> {
                        String problem = InputRules.checkText(parser.getString(), InputRules.isMultiLine(fieldName(path)));
                        if (problem != null) {
                            errors.add(new Refusal.Field(name(path), problem));
                        }
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        String problem = parser.getString().length() > 40 ? "is not a number this system can hold"
                                : InputRules.checkNumber(parser.getDecimalValue());
                        if (problem != null) {
                            errors.add(new Refusal.Field(name(path), problem));
                        }
                    }
                    case VALUE_NULL -> {
                        if (here != null && here.array) {
                            errors.add(new Refusal.Field(name(path), "must not be null"));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JacksonException notJson) {
            // not JSON (or cut short): the message converter answers with its own VALIDATION_FAILED
        }
        return errors;
    }

    /** The field the current value belongs to: the property name, or the list's name for a list item. */
    private static String fieldName(Deque<Frame> path) {
        for (Frame f : path) {
            if (!f.array) {
                return f.property;
            }
        }
        return null;
    }

    /** A path as the contract names fields: {@code project.services[0].description}. */
    private static String name(Deque<Frame> path) {
        StringBuilder name = new StringBuilder();
        var frames = path.descendingIterator();
        while (frames.hasNext()) {
            Frame f = frames.next();
            if (f.array) {
                name.append('[').append(Math.max(f.index, 0)).append(']');
            } else if (f.property != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(f.property);
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    private static final class Frame {
        final boolean array;
        String property;
        int index = -1;
        int members;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
