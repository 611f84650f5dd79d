package rs.greenvoucher.api.http;

import java.util.List;

/** What waits on a topic's dead-letter topic (at most 200), each record with the group it failed in and why. */
public record DeadLetters(String topic, List<Waiting> waiting) {

    public record Waiting(int partition, long offset, String key, String consumerGroup, String reason, String value) {
    }

    /** A replay: how many records went back onto the topic. */
    public record Replayed(String topic, int replayed) {
    }
}
