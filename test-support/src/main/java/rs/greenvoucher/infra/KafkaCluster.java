package rs.greenvoucher.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Three Kafka KRaft nodes, each broker and controller, from the same jars as the single broker (the kafka-broker
 * module), as production runs Kafka: every topic replicated three times, a write acknowledged (acks=all) once two
 * replicas have it ({@code min.insync.replicas=2}). One node may die without anything stopping; with two down the
 * producers wait (their sends block, nothing is lost) until one is back.
 */
public final class KafkaCluster implements KafkaBrokers {

    private final List<KafkaBrokerProcess> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    public KafkaCluster(Path brokerHome, Path dataDir) {
        List<Integer> controllers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ports.add(FreePorts.next());
            controllers.add(FreePorts.next());
        }
        String voters = java.util.stream.IntStream.range(0, 3).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllers.get(i))
                .collect(Collectors.joining(","));
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        for (int i = 0; i < 3; i++) {
            dataDirs.add(dataDir.resolve("node-" + (i + 1)).toAbsolutePath());
            nodes.add(new KafkaBrokerProcess(brokerHome, ports.get(i), controllers.get(i), dataDirs.get(i),
                    List.of(Integer.toString(i + 1), voters, clusterId)));
        }
    }

    /** Starts every node that is not running and waits for each: a node serves once a quorum of controllers is up. */
    @Override
    public synchronized KafkaCluster start() {
        nodes.forEach(KafkaBrokerProcess::launch);
        nodes.forEach(n -> n.waitUntilListening(Duration.ofSeconds(90)));
        return this;
    }

    /** kill -9 of one node (1, 2 or 3). */
    public void kill(int node) {
        nodes.get(node - 1).kill();
    }

    /** The node that leads partition 0 of {@code topic} now, asked of the nodes that are up. */
    public int leaderOf(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS).get(topic);
            return description.partitions().get(0).leader().id();
        } catch (Exception e) {
            throw new IllegalStateException("no leader of " + topic + ": " + e, e);
        }
    }

    /** The settings node 1, 2 or 3 runs with, read from its server.properties (KafkaBrokerMain writes it at each start). */
    public Map<String, String> settings(int node) {
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(dataDirs.get(node - 1).resolve("server.properties"))) {
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> settings = new java.util.TreeMap<>();
        properties.forEach((k, v) -> settings.put(k.toString(), v.toString()));
        return settings;
    }

    @Override
    public String bootstrapServers() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    @Override
    public synchronized void stop() {
        nodes.parallelStream().forEach(KafkaBrokerProcess::stop);
    }
}
