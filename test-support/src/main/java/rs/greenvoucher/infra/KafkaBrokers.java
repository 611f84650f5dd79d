package rs.greenvoucher.infra;

/** The Kafka a system under test runs on: one broker ({@link KafkaBrokerProcess}) or three ({@link KafkaCluster}). */
public interface KafkaBrokers extends AutoCloseable {

    String bootstrapServers();

    /** Starts whatever is not running (again, on the same ports and data) and waits until it serves. */
    KafkaBrokers start();

    void stop();

    @Override
    default void close() {
        stop();
    }
}
