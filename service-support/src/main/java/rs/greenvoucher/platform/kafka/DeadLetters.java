package rs.greenvoucher.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import rs.greenvoucher.platform.faults.Transience;
import rs.greenvoucher.api.kafka.Topics;

import java.nio.charset.StandardCharsets;

/**
 * A consumer's error handling. A failure that can succeed later ({@link Transience}: the database or broker down,
 * a timeout) is retried without limit, backing off to every 10 s; the partition waits (the record and those after it
 * are fetched again), so nothing is lost or reordered however long the outage. Anything else is tried twice more,
 * then put on {@code <topic>.DLT}, same partition, with the reason in the {@code gv-dlt-reason} header, and the
 * consumer goes on; records that can never succeed (bad JSON, unknown event) skip the retries. An ADMIN replays a
 * DLT onto its topic once the cause is fixed ({@link DeadLetterTopics}).
 */
public final class DeadLetters {

    public static final String REASON_HEADER = "gv-dlt-reason";

    private DeadLetters() {
    }

    /** The consumer's own words when it said why (PoisonMessageException), otherwise the root cause. */
    static String reason(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException) {
                return t.getMessage();
            }
            root = t;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));
        recoverer.setHeadersFunction((record, e) -> {
            org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            String reason = reason(e);
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200, 2));
        handler.setBackOffFunction((record, e) -> Transience.isTransient(e) ? untilItWorks() : new FixedBackOff(200, 2));
        handler.addNotRetryableExceptions(PoisonMessageException.class, IllegalArgumentException.class);
        return handler;
    }

    /**
     * Unlimited attempts, 0.5 s doubling to 2 s: well inside max.poll.interval.ms, so the member stays in its group, and
     * a database that comes back is used again within 2 s (at 10 s, the queues lagged that much after every outage).
     */
    static BackOff untilItWorks() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(2_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
