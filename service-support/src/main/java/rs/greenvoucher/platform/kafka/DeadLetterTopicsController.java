package rs.greenvoucher.platform.kafka;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.DeadLetters;

/** ADMIN: what waits on a dead-letter topic, and its replay onto the original topic. */
@RestController
public record DeadLetterTopicsController(DeadLetterTopics topics) {

    /** The records of {@code <topic>.DLT} not replayed yet, with the reason each was parked (at most 200). */
    @GetMapping("/api/admin/dead-letter-topics/{topic}")
    public DeadLetters waiting(@PathVariable String topic) {
        return new DeadLetters(topic, topics.waiting(topic, 200));
    }

    /** Sends every waiting record of {@code <topic>.DLT} back onto {@code topic}. */
    @PostMapping("/api/admin/dead-letter-topics/{topic}/replay")
    public DeadLetters.Replayed replay(@PathVariable String topic) {
        return new DeadLetters.Replayed(topic, topics.replay(topic));
    }
}
