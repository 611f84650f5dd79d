package rs.greenvoucher.platform.kafka;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** ADMIN: what waits on a dead-letter topic, and its replay onto the original topic. */
@RestController
public record DeadLetterTopicsController(DeadLetterTopics topics) {

    /** The records of {@code <topic>.DLT} not replayed yet, with the reason each was parked (at most 200). */
    @GetMapping("/api/admin/dead-letter-topics/{topic}")
    public Map<String, Object> waiting(@PathVariable String topic) {
        List<DeadLetterTopics.Waiting> waiting = topics.waiting(topic, 200);
        return Map.of("topic", topic, "waiting", waiting);
    }

    /** Sends every waiting record of {@code <topic>.DLT} back onto {@code topic}. */
    @PostMapping("/api/admin/dead-letter-topics/{topic}/replay")
    public Map<String, Object> replay(@PathVariable String topic) {
        return Map.of("topic", topic, "replayed", topics.replay(topic));
    }
}
