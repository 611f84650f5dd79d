package rs.greenvoucher.core.publishing;

import org.springframework.kafka.core.KafkaTemplate;
import rs.greenvoucher.platform.faults.Transience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The publisher's sends wait for a broker that is away, in place, instead of failing the batch. A failed batch goes
 * back to Axon's tracking processor, whose retry waits 1 s, then 2, 4 … up to 60 s (fixed in Axon 4): after a 30 s
 * outage the publisher slept through the broker's return for 10–30 s, and everything downstream with it (ADR 0023).
 * Here a send that finds no broker (no metadata within {@code max.block.ms}: nothing was appended, so sending it
 * again keeps the order) is tried again after at most {@link #MAX_PAUSE}; a send that was appended waits for its
 * acknowledgement, which the producer's own retries deliver in order once the broker answers (up to
 * {@code delivery.timeout.ms}, after which the batch does fail and is retried by the processor).
 */
final class BrokerWait {

    static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private BrokerWait() {
    }

    /** Sends one record; while the broker cannot be found, tries again. Other refusals come back as failed futures. */
    static CompletableFuture<?> send(KafkaTemplate<String, String> kafka, String topic, String key, String value) {
        return send(kafka, topic, key, value, null);
    }

    /** The same, with the trace context in the record's {@code traceparent} header (when there is one). */
    static CompletableFuture<?> send(KafkaTemplate<String, String> kafka, String topic, String key, String value, String traceparent) {
        long pause = 100;
        while (true) {
            try {
                CompletableFuture<?> sent = kafka.send(rs.greenvoucher.platform.tracing.Traces.record(topic, key, value, traceparent));
                if (!sent.isCompletedExceptionally() || !Transience.isTransient(failureOf(sent))) {
                    return sent;
                }
            } catch (RuntimeException refused) {
                // the template throws what the producer refused at once (no metadata within max.block.ms, say)
                if (!Transience.isTransient(refused)) {
                    throw refused;
                }
            }
            pause = pause(pause);
        }
    }

    /** Waits until every send is acknowledged; a failure (a refused record, the delivery timeout) fails the batch. */
    static void awaitAll(List<CompletableFuture<?>> sends) {
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(1, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch (or its keys); it will be published again", e);
            } catch (TimeoutException stillWaiting) {
                // the broker is away: the producer delivers the records once it answers
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static long pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
        return Math.min(millis * 2, MAX_PAUSE.toMillis());
    }
}
