package rs.greenvoucher.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.Map;
import java.util.Set;

/**
 * ADMIN: rebuilds a projection from the events (its reset handler empties it, the processor replays from the
 * start). Only the read models named in {@code gv.axon.rebuildable-groups}; the Kafka publisher is not one of them.
 * Needs every other instance's claim on the processor's segments released: with a second instance running it
 * answers 409.
 */
@RestController
public class RebuildController {

    private static final Logger log = LoggerFactory.getLogger(RebuildController.class);

    private final EventProcessingConfiguration processing;
    private final Set<String> rebuildable;

    RebuildController(EventProcessingConfiguration processing, Set<String> rebuildable) {
        this.processing = processing;
        this.rebuildable = rebuildable;
    }

    /** Empties the read model and replays every event into it; answers at once, the replay goes on. */
    @PostMapping("/api/admin/processors/{processor}/rebuild")
    public Map<String, Object> rebuild(@PathVariable String processor) {
        if (!rebuildable.contains(processor)) {
            throw Refusal.notFound();
        }
        StreamingEventProcessor streaming = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(Refusal::notFound);
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } catch (RuntimeException e) {
            log.warn("Rebuild of {} refused: {}", processor, e.toString());
            throw new Refusal(RefusalCode.REBUILD_NOT_POSSIBLE,
                    "Another instance still processes " + processor + "; try again when it runs alone.");
        } finally {
            streaming.start();
        }
        log.warn("Rebuilding {} from the events", processor);
        return Map.of("processor", processor, "status", "REBUILDING");
    }
}
