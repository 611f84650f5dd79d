package rs.greenvoucher.infra;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The real infrastructure an integration test runs against: one PostgreSQL server and one Kafka broker per
 * test JVM, started on first use, on free ports, with their files under {@code target/}. Tests register
 * {@link #register(DynamicPropertyRegistry, String)} in a {@code @DynamicPropertySource}.
 */
public final class TestInfrastructure {

    private static EmbeddedPostgresServer postgres;
    private static KafkaBrokerProcess kafka;

    private TestInfrastructure() {
    }

    private static Path workDir() {
        return Path.of(System.getProperty("gv.test.workdir", "target/it-infra"));
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = newPostgres();
        }
        return postgres;
    }

    public static synchronized KafkaBrokerProcess kafka() {
        if (kafka == null) {
            kafka = newKafka();
        }
        return kafka;
    }

    /** A PostgreSQL server of its own, for tests that kill it (the fault suite) while others use the shared one. */
    public static EmbeddedPostgresServer newPostgres() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(FreePorts.next(), workDir().resolve("pg-" + UUID.randomUUID()), false);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-embedded-postgres"));
        return server;
    }

    /** A Kafka broker of its own, likewise. */
    public static KafkaBrokerProcess newKafka() {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(KafkaBrokerProcess.defaultBrokerHome(), FreePorts.next(), FreePorts.next(),
                workDir().resolve("kafka-" + UUID.randomUUID())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-kafka-broker"));
        return broker;
    }

    /** Three Kafka nodes of their own (the production topology's test), started. */
    public static KafkaCluster newKafkaCluster() {
        KafkaCluster cluster = new KafkaCluster(KafkaBrokerProcess.defaultBrokerHome(), workDir().resolve("kafka-cluster-" + UUID.randomUUID())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop-kafka-cluster"));
        return cluster;
    }

    /** Debian's PostgreSQL server with the roles of {@code initScript} (deploy/postgres-init.sh), started. */
    public static DebianPostgresServer newPostgresServer(Path initScript, Path log) {
        DebianPostgresServer server = DebianPostgresServer.start(initScript, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-postgres-server"));
        return server;
    }

    /** Points a Spring Boot service at a fresh database of the shared server and at the shared broker. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedPostgresServer pg = postgres();
        pg.createDatabase(database);
        registry.add("spring.datasource.url", () -> pg.jdbcUrl(database));
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
    }
}
