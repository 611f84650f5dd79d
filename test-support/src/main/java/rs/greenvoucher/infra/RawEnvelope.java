package rs.greenvoucher.infra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message of gv.application.events as a test writes it by hand, its payload any JSON object: complete, partial or
 * wrong on purpose, as no producer of ours would send it (the services read it with {@code EventEnvelopes}).
 */
public record RawEnvelope(UUID eventId, String type, int schemaVersion, UUID applicationId, long sequence, Instant occurredAt,
                          Map<String, Object> payload) {

    /** The envelope of an application's event at a position, its event id derived from both (a resend has the same). */
    public static RawEnvelope of(UUID application, long sequence, String type, Map<String, Object> payload) {
        return new RawEnvelope(UUID.nameUUIDFromBytes((application + ":" + sequence + ":" + type).getBytes(StandardCharsets.UTF_8)), type,
                1, application, sequence, Instant.now(), payload);
    }
}
