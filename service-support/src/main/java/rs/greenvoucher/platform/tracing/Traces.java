package rs.greenvoucher.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trace context across the hops Spring does not instrument for us (docs/adr/0034): an event's metadata in Axon, a
 * record of a batch listener, a row of an outbox (a decision, a mail). The context travels as its W3C
 * {@code traceparent} header, the same string everywhere; a span is started where the work continues, so every log
 * line of that work carries the trace id (Micrometer puts it in the MDC).
 */
public final class Traces {

    /** The W3C Trace Context header, and the key of the same value in Axon's metadata and in the outbox rows. */
    public static final String HEADER = "traceparent";

    /** No tracing: nothing is read or written, the work just runs (unit tests). */
    public static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current context as its {@code traceparent} value; null outside any trace. */
    public String current() {
        Span span = tracer.currentSpan();
        // an unsampled span is "noop" to Micrometer but has its ids, which is all the next hop needs
        if (span == null || span.context() == null || span.context().traceId() == null || span.context().traceId().isEmpty()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /**
     * Runs the work in a span named {@code name} that continues {@code traceparent} (a trace of its own when there is
     * none: a message written before traces, or by a client that sends none).
     */
    public <T> T continued(String traceparent, String name, Span.Kind kind, Supplier<T> work) {
        Span span = (traceparent == null || traceparent.isBlank() ? tracer.spanBuilder()
                : propagator.extract(Map.of(HEADER, traceparent), Map::get)).name(name).kind(kind).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void continued(String traceparent, String name, Span.Kind kind, Runnable work) {
        continued(traceparent, name, kind, () -> {
            work.run();
            return null;
        });
    }

    /** A Kafka record that carries {@code traceparent} in its header (none when null). */
    public static org.apache.kafka.clients.producer.ProducerRecord<String, String> record(String topic, String key, String value,
                                                                                         String traceparent) {
        org.apache.kafka.clients.producer.ProducerRecord<String, String> record =
                new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value);
        if (traceparent != null) {
            record.headers().add(HEADER, traceparent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return record;
    }

    /** The {@code traceparent} header of a Kafka record, or null. */
    public static String of(org.apache.kafka.common.header.Headers headers) {
        org.apache.kafka.common.header.Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
