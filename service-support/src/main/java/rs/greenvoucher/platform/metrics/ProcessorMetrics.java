package rs.greenvoucher.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processors' pipeline, for the operator's alerts (docs/operations.md): per tracking processor and segment, how
 * many events of the store it is behind ({@code gv_processor_lag_events}). Read when scraped: the store's head token
 * (one max over the global index's primary key) less the segment's position (in memory). (The parked events are {@code gv_axon_parked_events}, DeadLetterConfiguration.)
 */
public class ProcessorMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    public ProcessorMetrics(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("gv.processor.segments", this::segmentsAndRegister)
                .description("segments the processors of this instance hold").register(registry);
    }

    /** Registers a lag gauge for every segment this instance holds (they move between instances), and counts them. */
    private double segmentsAndRegister() {
        int held = 0;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                for (Integer segment : streaming.processingStatus().keySet()) {
                    held++;
                    String key = entry.getKey() + "/" + segment;
                    registered.computeIfAbsent(key, k -> {
                        Gauge.builder("gv.processor.lag.events", () -> lag(streaming, segment))
                                .tag("processor", entry.getKey()).tag("segment", Integer.toString(segment))
                                .description("events of the store the processor's segment has not handled yet")
                                .register(registry);
                        return true;
                    });
                }
            }
        }
        return held;
    }

    private double lag(StreamingEventProcessor processor, int segment) {
        EventTrackerStatus status = processor.processingStatus().get(segment);
        if (status == null) {
            return Double.NaN; // another instance holds it now
        }
        OptionalLong position = status.getCurrentPosition();
        TrackingToken head = events.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        if (headPosition.isEmpty()) {
            return 0;
        }
        return Math.max(0, headPosition.getAsLong() - position.orElse(-1));
    }
}
