package rs.greenvoucher.kafkabroker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a Kafka KRaft node (broker and controller in one process): a single-node broker with
 * {@code KafkaBrokerMain <port> <controllerPort> <dataDir>}, or one node of a cluster with
 * {@code KafkaBrokerMain <port> <controllerPort> <dataDir> <nodeId> <voters> <clusterId>} (voters as
 * {@code controller.quorum.voters} has them; every node of the cluster formatted with the same cluster id): then the
 * internal topics are replicated three times, a topic's default is 3 replicas, and a write needs 2 in sync, as
 * production runs it (docs/scaling.md). Formats the log directory on the first start only, so a second start keeps
 * the topics and offsets of the first.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 6) {
            System.err.println("usage: KafkaBrokerMain <port> <controllerPort> <dataDir> [<nodeId> <voters> <clusterId>]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path dataDir = Path.of(args[2]).toAbsolutePath();
        boolean cluster = args.length == 6;
        String nodeId = cluster ? args[3] : "1";
        String voters = cluster ? args[4] : "1@127.0.0.1:" + controllerPort;
        String replicas = cluster ? "3" : "1";
        String inSync = cluster ? "2" : "1";
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);

        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "auto.create.topics.enable=false", // the services declare their topics (same partition count everywhere)
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + inSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + inSync,
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + inSync,
                "group.initial.rebalance.delay.ms=0",
                // one node has nothing but its disk; a cluster's write is safe once it is on two nodes (acks=all)
                cluster ? "" : "log.flush.interval.messages=1",
                ""), StandardCharsets.UTF_8);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            // Kafka's own id generator: never starts with '-', which the storage tool would read as an option
            String clusterId = cluster ? args[5] : org.apache.kafka.common.Uuid.randomUuid().toString();
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
