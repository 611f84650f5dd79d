package rs.greenvoucher.kafkabroker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a single-node Kafka KRaft broker (broker and controller in one process).
 * Usage: {@code KafkaBrokerMain <port> <controllerPort> <dataDir>}. Formats the log directory on the
 * first start only, so a second start keeps the topics and offsets of the first.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: KafkaBrokerMain <port> <controllerPort> <dataDir>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path dataDir = Path.of(args[2]).toAbsolutePath();
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);

        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=false", // the services declare their topics (same partition count everywhere)
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1",
                ""), StandardCharsets.UTF_8);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            // Kafka's own id generator: never starts with '-', which the storage tool would read as an option
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int rc = kafka.tools.StorageTool.execute(
                    new String[]{"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                System.err.println("formatting the Kafka log directory failed: " + rc);
                System.exit(rc);
            }
        }
        kafka.Kafka.main(new String[]{config.toString()});
    }
}
