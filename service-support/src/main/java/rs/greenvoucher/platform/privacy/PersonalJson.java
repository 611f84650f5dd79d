package rs.greenvoucher.platform.privacy;

import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.api.privacy.SealedText;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Seals, opens and erases the personal fields ({@link PersonalData}) of an event's or a message's JSON, in place. */
public final class PersonalJson {

    /**
     * For payloads read and written again around the sealing: every number exactly as it was (10800.00 stays
     * 10800.00, never a double), nothing else reordered or dropped.
     */
    public static final JsonMapper EXACT = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Each path's steps, split once: every event read or sealed walks them. */
    private static final Map<String, String[]> STEPS = new ConcurrentHashMap<>();

    private PersonalJson() {
    }

    /** Seals the personal fields of a payload of this type with its application's key; erases them if there is none. */
    public static void seal(JsonNode payload, String type, PersonalKeys.Source keys) {
        if (!PersonalData.hasPersonalData(type)) {
            return;
        }
        String subject = subject(payload);
        byte[] key = keys.key(subject);
        each(payload, PersonalData.pathsOf(type), text -> key == null ? SealedText.ERASED : SealedText.seal(key, subject, text));
    }

    /** Opens the personal fields of a payload of this type; without its key (erased) they read as erased. */
    public static void open(JsonNode payload, String type, PersonalKeys.Source keys) {
        if (!PersonalData.hasPersonalData(type)) {
            return;
        }
        // the subject and its key are looked up only for a payload that has a sealed field (a clear one may lack both)
        String[] subject = new String[1];
        byte[][] key = new byte[1][];
        each(payload, PersonalData.pathsOf(type), text -> {
            if (!SealedText.isSealed(text)) {
                return text;
            }
            if (subject[0] == null) {
                subject[0] = subject(payload);
                key[0] = keys.key(subject[0]);
            }
            return SealedText.open(key[0], subject[0], text);
        });
    }

    /** Replaces every value at these paths with {@link SealedText#ERASED}. */
    public static void erase(JsonNode node, List<String> paths) {
        each(node, paths, text -> SealedText.ERASED);
    }

    private static String subject(JsonNode payload) {
        JsonNode id = payload.get(PersonalData.SUBJECT_FIELD);
        if (id == null || !id.isString()) {
            throw new IllegalArgumentException("a payload with personal data names no " + PersonalData.SUBJECT_FIELD);
        }
        return id.asString();
    }

    private static void each(JsonNode root, List<String> paths, UnaryOperator<String> change) {
        for (String path : paths) {
            walk(root, STEPS.computeIfAbsent(path, p -> p.split("\\.")), 0, change);
        }
    }

    private static void walk(JsonNode node, String[] steps, int at, UnaryOperator<String> change) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String step = steps[at];
        boolean each = step.endsWith("[]");
        String field = each ? step.substring(0, step.length() - 2) : step;
        JsonNode value = object.get(field);
        boolean last = at == steps.length - 1;
        if (each) {
            if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (last) {
                        if (array.get(i).isString()) {
                            array.set(i, array.stringNode(change.apply(array.get(i).asString())));
                        }
                    } else {
                        walk(array.get(i), steps, at + 1, change);
                    }
                }
            }
        } else if (last) {
            if (value != null && value.isString()) {
                object.put(field, change.apply(value.asString()));
            }
        } else {
            walk(value, steps, at + 1, change);
        }
    }
}
