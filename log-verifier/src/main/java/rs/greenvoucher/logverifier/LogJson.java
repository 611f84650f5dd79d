package rs.greenvoucher.logverifier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log's JSON: the export's lines (one JSON object per line, each with its {@code kind}: log, key, head, entry,
 * unsealed) and the published heads ({@code GET /api/log/heads}: {@code {"keys": [...], "heads": [...]}}).
 */
public final class LogJson {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private LogJson() {
    }

    public static ObjectNode entry(ChainEntry entry) {
        ObjectNode line = JSON.createObjectNode().put("kind", "entry").put("position", entry.position())
                .put("globalIndex", entry.globalIndex()).put("eventHash", LogFormat.hex(entry.eventHash()))
                .put("chainHash", LogFormat.hex(entry.chainHash()));
        StoredEvent e = entry.event();
        if (e == null) {
            line.putNull("event");
        } else {
            line.putObject("event").put("globalIndex", e.globalIndex()).put("eventIdentifier", e.eventIdentifier())
                    .put("aggregateIdentifier", e.aggregateIdentifier()).put("sequenceNumber", e.sequenceNumber())
                    .put("type", e.type()).put("timeStamp", e.timeStamp()).put("payloadType", e.payloadType())
                    .put("payloadRevision", e.payloadRevision()).put("payload", base64(e.payload()))
                    .put("metaData", base64(e.metaData()));
        }
        return line;
    }

    public static ChainEntry entry(JsonNode line) {
        JsonNode e = line.get("event");
        StoredEvent event = e == null || e.isNull() ? null : new StoredEvent(e.get("globalIndex").asLong(),
                text(e, "eventIdentifier"), text(e, "aggregateIdentifier"), e.get("sequenceNumber").asLong(), text(e, "type"),
                text(e, "timeStamp"), text(e, "payloadType"), text(e, "payloadRevision"), bytes(e, "payload"), bytes(e, "metaData"));
        return new ChainEntry(line.get("position").asLong(), line.get("globalIndex").asLong(),
                LogFormat.unhex(line.get("eventHash").asString()), LogFormat.unhex(line.get("chainHash").asString()), event);
    }

    public static ObjectNode head(SignedHead head) {
        return JSON.createObjectNode().put("position", head.position()).put("events", head.events())
                .put("chainHash", head.chainHash()).put("signedAt", head.signedAt()).put("keyId", head.keyId())
                .put("signature", head.signature());
    }

    public static SignedHead head(JsonNode h) {
        return new SignedHead(h.get("position").asLong(), h.get("events").asLong(), text(h, "chainHash"), text(h, "signedAt"),
                text(h, "keyId"), text(h, "signature"));
    }

    public static ObjectNode key(String keyId, PublicKey key) {
        return JSON.createObjectNode().put("keyId", keyId).put("algorithm", "Ed25519").put("publicKey", LogFormat.publicKeyPem(key));
    }

    /** The published heads' document: its keys and heads. */
    public record Published(Map<String, PublicKey> keys, List<SignedHead> heads) {
    }

    public static Published published(JsonNode document) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (JsonNode k : document.path("keys")) {
            keys.put(text(k, "keyId"), LogFormat.publicKeyFromPem(text(k, "publicKey")));
        }
        List<SignedHead> heads = new ArrayList<>();
        for (JsonNode h : document.path("heads")) {
            heads.add(head(h));
        }
        return new Published(keys, heads);
    }

    /**
     * Writes a log as the export's lines: what it is, its keys, its heads, every link with its event, and how many
     * events were not sealed yet; {@link ExportLogSource} reads them back.
     */
    public static void write(LogSource source, java.io.Writer out, java.time.Instant exportedAt) throws Exception {
        out.write(JSON.createObjectNode().put("kind", "log").put("format", LogFormat.VERSION)
                .put("exportedAt", exportedAt.toString()).toString());
        out.write('\n');
        for (Map.Entry<String, PublicKey> key : source.keys().entrySet()) {
            out.write(key(key.getKey(), key.getValue()).put("kind", "key").toString());
            out.write('\n');
        }
        for (SignedHead head : source.heads()) {
            ObjectNode line = JSON.createObjectNode().put("kind", "head");
            line.setAll(head(head));
            out.write(line.toString());
            out.write('\n');
        }
        source.entries(entry -> {
            try {
                out.write(entry(entry).toString());
                out.write('\n');
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.write(JSON.createObjectNode().put("kind", "unsealed").put("events", source.unsealed()).toString());
        out.write('\n');
        out.flush();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Base64.getDecoder().decode(value);
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
