package rs.greenvoucher.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import rs.greenvoucher.api.kafka.Topics;

import java.nio.charset.StandardCharsets;

/**
 * A consumer's error handling: retry a failing record a few times with back-off (a database blip), then put
 * it on {@code <topic>.DLT}, same partition, with the reason in the {@code gv-dlt-reason} header, and go on.
 * Records that can never succeed (bad JSON, unknown event) skip the retries.
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
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonMessageException.class, IllegalArgumentException.class);
        return handler;
    }
}
