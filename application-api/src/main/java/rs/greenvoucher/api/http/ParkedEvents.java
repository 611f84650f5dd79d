package rs.greenvoucher.api.http;

import java.util.List;
import java.util.Map;

/** The events the event processors parked: how many per processor, and each with its error (at most 500). */
public record ParkedEvents(Map<String, Long> counts, List<Parked> items) {

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One parked event: its processor, its sequence (an application id), the event and the error it met. */
    public record Parked(String processor, String sequence, long index, String eventId, String eventType,
                         String timestamp, String errorType, String error, String parkedAt, String lastTriedAt) {
    }

    /** What a retry did: how many sequences it cleared, and how many the processor still has parked. */
    public record Retried(long cleared, long remaining) {
    }

    /** What an eviction did: how many events it dropped, and how many the processor still has parked. */
    public record Evicted(long evicted, long remaining) {
    }
}
