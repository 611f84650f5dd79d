package rs.greenvoucher.system;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.KafkaCluster;
import rs.greenvoucher.infra.PostgresServer;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite, on the production topology ({@link SystemUnderTest#cluster()}): three Kafka nodes (replication 3,
 * min.insync.replicas 2, idempotent producers with acks=all), Debian's PostgreSQL server with one role per service
 * (deploy/postgres-init.sh), and two instances of each service. Under a steady load of submissions (2.5/s, spread over
 * both core instances) and screening decisions, one fault after another: kill -9 of the first instance of each
 * service, one after the other, while its second goes on (then all three started again); kill -9 of the broker that
 * leads the application events, then of a second broker (one of three left: the producers wait, nothing is lost), both
 * started again; kill -9 of PostgreSQL; the notification service's database refusing connections (about 8 s).
 * After each fault the same invariants: every submission that got 201 is in core, in the evaluators' queue and
 * mailed to its applicant exactly once; every decision that got 202 is applied or refused with a reason; no
 * tracking processor of core is behind the event store's head. Each fault prints a row of figures (FAULT SUITE).
 * Last, with the load stopped, core's read models are rebuilt from the events and must equal what they were.
 * The API tests run on the same system before it; and docker-compose.yml describes the topology this ran.
 */
@Order(Integer.MAX_VALUE - 1) // after the API tests, on their system; DeadlinesAcrossKillsIT is the last
class ClusterFaultsIT {

    private static SystemUnderTest system;

    @org.junit.jupiter.api.BeforeAll
    static void theProductionTopology() {
        system = SystemUnderTest.api();
    }

    /**
     * The faults kill processes in the middle of conversations: a thread of the test's own mail server dies when a
     * killed service's connection is reset. That is the fault working, not the test failing, so awaits here ignore
     * other threads' uncaught exceptions. (Awaitility's {@code dontCatchUncaughtExceptions()} only makes a condition
     * factory; the default is changed by {@code doNotCatchUncaughtExceptionsByDefault()}. Calling the first one here
     * changed nothing, and the test failed whenever a mail thread died during an await.)
     */
    @org.junit.jupiter.api.BeforeAll
    static void faultsEndOtherThreadsConversations() {
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @org.junit.jupiter.api.AfterAll
    static void laterTestsCatchThemAgain() {
        org.awaitility.Awaitility.reset();
    }

    /** A fault test that fails halfway leaves the system whole for the tests after it. */
    @org.junit.jupiter.api.AfterEach
    void heal() {
        system.kafka.start();
        system.restartKilled();
    }
    private final List<String> applicants = new ArrayList<>();

    /** Submissions and decisions at a steady pace; remembers what was accepted. */
    static final class Load implements AutoCloseable {
        final Map<String, String> accepted = new ConcurrentHashMap<>(); // application id -> tracking code
        final Map<String, String> decisions = new ConcurrentHashMap<>(); // decision id -> application id
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger hostileRefused = new AtomicInteger();
        final List<String> hostileLetThrough = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(3);

        Load(SystemUnderTest system, List<String> applicants, String evaluator) {
            AtomicInteger n = new AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                int i = n.incrementAndGet();
                if (i % 8 == 0) {
                    hostile(system, applicants.get(i % applicants.size()));
                    return;
                }
                String contact = "fault-" + i + "-" + Instant.now().toEpochMilli() + "@example.rs";
                try {
                    List<HttpApi> cores = system.instances("application-core");
                    HttpApi.Response r = cores.get(i % cores.size()).post("/api/applications", applicants.get(i % applicants.size()),
                            TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10800", contact));
                    if (r.status() == 201) {
                        accepted.put(r.json().get("id").asString(), r.json().get("trackingCode").asString());
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (RuntimeException down) {
                    refused.incrementAndGet(); // core is down: not accepted, nothing promised
                }
            // 2.5 a second: several submissions in flight at every kill, and CPU left on the 2 cores for the browser tests
            // that run beside this suite (at 4 a second the whole build passed 12 minutes)
            }, 0, 400, TimeUnit.MILLISECONDS);
            pacer.scheduleWithFixedDelay(() -> {
                try {
                    HttpApi evaluation = system.live("evaluation-service");
                    JsonNode queue = evaluation.get("/api/queue?stage=SCREENING&assignee=unassigned", evaluator).json();
                    for (JsonNode item : queue) {
                        if (item.get("pendingDecision").isNull()) {
                            String id = item.get("applicationId").asString();
                            if (evaluation.post("/api/work-items/" + id + "/claim", evaluator, "").status() != 200) {
                                return;
                            }
                            HttpApi.Response r = evaluation.post("/api/applications/" + id + "/screening", evaluator,
                                    "{\"outcome\":\"PASS\",\"checks\":[]}");
                            if (r.status() == 202) {
                                decisions.put(r.json().get("decisionId").asString(), id);
                            }
                            return;
                        }
                    }
                } catch (RuntimeException down) {
                    // the evaluation service is down: nothing decided
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
        }

        /** One bad input among the good: refused at the door, and it must never stall anyone else. */
        private void hostile(SystemUnderTest system, String applicant) {
            try {
                HttpApi.Response r = system.live("application-core").post("/api/applications", applicant,
                        TestData.application(TestData.mb()).replace("Recycled PET packaging line", "x\\u0000y"));
                if (r.status() == 400) {
                    hostileRefused.incrementAndGet();
                } else if (r.status() < 500) {
                    hostileLetThrough.add(r.status() + " " + r.body());
                }
            } catch (RuntimeException down) {
                // core is down
            }
        }

        void awaitAccepted(int more) {
            int target = accepted.size() + more;
            await().atMost(Duration.ofMinutes(3)).until(() -> accepted.size() >= target);
        }

        void awaitRefused(int more) {
            int target = refused.get() + more;
            await().atMost(Duration.ofMinutes(3)).until(() -> refused.get() >= target);
        }

        @Override
        public void close() {
            pacer.shutdownNow();
            try {
                pacer.awaitTermination(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    record Figures(String fault, int accepted, int refused, int decisions, long lost, long duplicated, Duration converged) {
    }

    /** docker-compose.yml describes the topology this run has: the same broker settings, instances and server. */
    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileDescribesTheTopologyThatRan() throws Exception {
        Map<String, Object> compose = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(ComposeFileTest.ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        KafkaCluster kafka = (KafkaCluster) system.kafka;
        List<String> brokerSettings = List.of("process.roles", "default.replication.factor", "min.insync.replicas",
                "offsets.topic.replication.factor", "transaction.state.log.replication.factor", "transaction.state.log.min.isr",
                "auto.create.topics.enable");
        for (int node = 1; node <= 3; node++) {
            Map<String, String> ran = kafka.settings(node);
            Map<String, Object> environment = (Map<String, Object>) services.get("kafka-" + node).get("environment");
            for (String setting : brokerSettings) {
                assertThat(String.valueOf(environment.get("KAFKA_" + setting.toUpperCase().replace('.', '_'))))
                        .as("kafka-" + node + " " + setting).isEqualTo(ran.get(setting));
            }
            assertThat(String.valueOf(environment.get("KAFKA_NODE_ID"))).isEqualTo(ran.get("node.id"));
            assertThat(String.valueOf(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(",")).hasSameSizeAs(ran.get("controller.quorum.voters").split(","));
        }
        assertThat(services.keySet().stream().filter(name -> name.startsWith("kafka-"))).hasSize(3);
        for (String module : List.of("application-core", "evaluation-service", "notification-service")) {
            assertThat(system.environment(module + "#2")).as("two instances of " + module + " ran").isNotNull();
            for (String name : List.of(module, module + "-2")) {
                Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
                assertThat(environment.get("GV_KAFKA_REPLICAS")).as(name).isEqualTo(system.environment(module).get("GV_KAFKA_REPLICAS"));
                assertThat(String.valueOf(environment.get("GV_KAFKA_BOOTSTRAP_SERVERS")).split(","))
                        .hasSameSizeAs(system.environment(module).get("GV_KAFKA_BOOTSTRAP_SERVERS").split(","));
                String prefix = module.equals("application-core") ? "GV_CORE_DB" : module.equals("evaluation-service") ? "GV_EVALUATION_DB" : "GV_NOTIFICATION_DB";
                assertThat(environment.get(prefix + "_USERNAME")).isEqualTo(system.environment(module).get(prefix + "_USERNAME"));
            }
        }
        Map<String, Object> postgres = services.get("postgres");
        assertThat(postgres.get("image")).isEqualTo("postgres:" + ((rs.greenvoucher.infra.DebianPostgresServer) system.postgres).version());
        assertThat((List<String>) postgres.get("volumes")).anyMatch(v -> v.startsWith("./deploy/postgres-init.sh:/docker-entrypoint-initdb.d/"));
    }

    @Test
    void nothingAcceptedIsLostOrDoneTwiceWhateverIsKilled() throws Exception {
        for (int i = 0; i < 12; i++) {
            applicants.add(system.core.newApplicant("sr"));
        }
        String evaluator = system.evaluatorToken("marko");
        List<Figures> table = new ArrayList<>();
        System.out.println("FAULT SUITE | fault | accepted so far | refused so far | decisions so far | lost | duplicated mails | converged in (each invariant held after)");
        try (Load load = new Load(system, applicants, evaluator)) {
            load.awaitAccepted(5);
            // the first instance of each service dies; its second does all of the work meanwhile
            for (String service : List.of("application-core", "evaluation-service", "notification-service")) {
                system.kill(service);
                load.awaitAccepted(10); // ~4 s
                table.add(converge("kill -9 " + service + " (first of two)", load));
            }
            system.restartKilled();
            table.add(converge("the three started again", load));

            // the broker that leads the application events' first partition, then a second one: with one of three
            // left no write reaches min.insync.replicas=2, the producers wait (core's event store is its outbox)
            KafkaCluster kafka = (KafkaCluster) system.kafka;
            int leader = kafka.leaderOf(rs.greenvoucher.api.kafka.Topics.APPLICATION_EVENTS);
            kafka.kill(leader);
            load.awaitAccepted(15); // ~6 s on two brokers: a new leader, writes go on
            table.add(converge("kill -9 broker " + leader + ", the leader of gv.application.events", load));
            int second = kafka.leaderOf(rs.greenvoucher.api.kafka.Topics.APPLICATION_EVENTS);
            kafka.kill(second);
            load.awaitAccepted(20); // ~8 s on one broker: accepted, not yet published
            // the publisher waits (no write can reach two replicas), it does not skip: its segments are behind the store
            List<String> waiting = processorsBehind(head());
            System.out.println("FAULT SUITE | one broker of three: core's processors behind the event store | " + waiting);
            assertThat(waiting).as("the publisher waits for two replicas").anyMatch(segment -> segment.startsWith("kafka-publisher/"));
            kafka.start();
            table.add(converge("kill -9 broker " + second + " as well (one of three left, ~8 s), both started again", load));

            PostgresServer postgres = system.postgres;
            postgres.kill();
            // down until core has felt it: a submission fails once its connection pool gives up
            load.awaitRefused(1);
            postgres.restart();
            table.add(converge("kill -9 PostgreSQL (Debian's server)", load));

            refuseConnections("gv_notification", true);
            load.awaitAccepted(20); // ~8 s: the notification service cannot reach its database, the others go on
            refuseConnections("gv_notification", false);
            table.add(converge("notification's database refusing connections, ~8 s", load));
            assertThat(load.hostileLetThrough).as("hostile submissions let through").isEmpty();
            assertThat(load.hostileRefused.get()).isPositive();

            // with the load stopped and everything in flight applied, every read model of core equals a fresh rebuild
            load.close();
            confirmed.clear(); // the last round checks everything accepted since the start, not only the newest
            table.add(converge("load stopped", load));
            quiesce();
            system.stopSecondInstance("application-core"); // a rebuild needs its processor on one instance alone
            for (String processor : List.of("applicant-view", "reporting")) {
                Map<String, List<String>> before = readModel(processor);
                String admin = system.adminToken();
                await().atMost(Duration.ofSeconds(60)).until(() -> system.core.post("/api/admin/processors/" + processor + "/rebuild",
                        admin, "").status() == 200);
                await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> readModel(processor).equals(before));
            }
        }
        assertThat(table).allSatisfy(f -> {
            assertThat(f.lost()).isZero();
            assertThat(f.duplicated()).isZero();
        });
    }

    /**
     * Submissions and decisions already found everywhere by an earlier round: each round asks only about the rest, so
     * that the time measured is the pipeline's and not that of a thousand status requests per poll.
     */
    private final java.util.Set<String> confirmed = ConcurrentHashMap.newKeySet();

    /** Waits until everything accepted so far is everywhere, and measures how long that took. */
    private Figures converge(String fault, Load load) {
        Instant start = Instant.now();
        Map<String, String> accepted = Map.copyOf(load.accepted);
        Map<String, String> decisions = Map.copyOf(load.decisions);
        String admin = system.adminToken();
        String evaluator = system.evaluatorToken("jelena");
        Map<String, Long> mails = new HashMap<>();
        long head = head();
        // when each invariant first held, to say which part of the pipeline took the time
        Map<String, Duration> held = new java.util.LinkedHashMap<>();
        await().atMost(Duration.ofMinutes(4)).untilAsserted(() -> {
            HttpApi evaluation = system.live("evaluation-service");
            mails.clear();
            mails.putAll(submissionMails());
            List<AssertionError> failed = new ArrayList<>();
            check(held, start, "mails", failed, () -> {
                for (String trackingCode : accepted.values()) {
                    assertThat(mails.getOrDefault(trackingCode, 0L)).as("mailed once: " + trackingCode).isEqualTo(1L);
                }
            });
            check(held, start, "queue", failed, () -> {
                for (String id : accepted.keySet()) {
                    if (!confirmed.contains(id)) {
                        assertThat(evaluation.get("/api/work-items/" + id, evaluator).status()).as("in the queue " + id).isEqualTo(200);
                        assertThat(system.live("application-core").get("/api/applications/" + id, admin).status()).as("in core " + id).isEqualTo(200);
                        confirmed.add(id);
                    }
                }
            });
            check(held, start, "decisions", failed, () -> {
                for (Map.Entry<String, String> d : decisions.entrySet()) {
                    if (!confirmed.contains(d.getKey())) {
                        assertThat(outcome(evaluation, evaluator, d.getValue(), d.getKey())).as("decision " + d.getKey())
                                .isIn("APPLIED", "REFUSED");
                        confirmed.add(d.getKey());
                    }
                }
            });
            check(held, start, "processors", failed, () -> assertThat(processorsBehind(head))
                    .as("core's processors behind the store's head").isEmpty());
            if (!failed.isEmpty()) {
                throw failed.get(0);
            }
        });
        Duration converged = Duration.between(start, Instant.now());
        long duplicated = mails.values().stream().filter(n -> n > 1).count();
        applicantsFeedsHold(accepted.keySet());
        Figures figures = new Figures(fault, accepted.size(), load.refused.get(), decisions.size(), 0, duplicated, converged);
        System.out.printf("FAULT SUITE | %s | %d | %d | %d | %d | %d | %.1f s (%s)%n", figures.fault(), figures.accepted(),
                figures.refused(), figures.decisions(), figures.lost(), figures.duplicated(), converged.toMillis() / 1000.0,
                String.join(", ", held.entrySet().stream().map(h -> h.getKey() + " " + h.getValue().toMillis() / 100 / 10.0 + " s").toList()));
        return figures;
    }

    /** Runs one invariant's check; the first time it holds is recorded, a failure is kept for the round's verdict. */
    private static void check(Map<String, Duration> held, Instant start, String invariant, List<AssertionError> failed, Check check) {
        try {
            check.run();
            held.putIfAbsent(invariant, Duration.between(start, Instant.now()));
        } catch (AssertionError e) {
            failed.add(e);
        } catch (Exception e) {
            failed.add(new AssertionError(invariant + ": " + e, e));
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    private static String outcome(HttpApi evaluation, String evaluator, String applicationId, String decisionId) {
        for (JsonNode decision : evaluation.get("/api/work-items/" + applicationId, evaluator).json().get("decisions")) {
            if (decision.get("decisionId").asString().equals(decisionId)) {
                return decision.get("outcome").asString();
            }
        }
        return null;
    }

    /** Every accepted application is in its applicant's feed (notification service). */
    private void applicantsFeedsHold(java.util.Set<String> accepted) {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            HttpApi notification = system.live("notification-service");
            java.util.Set<String> inFeeds = new java.util.HashSet<>();
            for (String applicant : applicants) {
                HttpApi.Response feed = notification.get("/api/notifications?limit=500", applicant);
                // an instance that has just taken over may answer otherwise for a moment: asked again, not a failure yet
                assertThat(feed.status()).as("the feed: " + feed.body()).isEqualTo(200);
                for (JsonNode n : feed.json()) {
                    inFeeds.add(n.get("applicationId").asString());
                }
            }
            assertThat(inFeeds).containsAll(accepted);
        });
    }

    /** A database that refuses every connection, as when it is taken offline for maintenance (or allowed again). */
    private static void refuseConnections(String database, boolean refuse) {
        try (Connection c = DriverManager.getConnection(system.postgres.jdbcUrl("postgres"), system.postgres.username(), system.postgres.password())) {
            c.createStatement().execute("alter database " + database + " with allow_connections " + !refuse);
            if (refuse) {
                c.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> submissionMails() throws Exception {
        Map<String, Long> mails = new HashMap<>();
        for (MimeMessage m : system.smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("Prijava primljena — ")) {
                // keyed by tracking code: an applicant's mails all go to their one verified address
                mails.merge(m.getSubject().substring("Prijava primljena — ".length()), 1L, Long::sum);
            }
        }
        return mails;
    }

    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    /** Waits until no event is in flight: the store's head stays put and every processor has reached it. */
    private static void quiesce() {
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> {
            long head = head();
            await().atMost(Duration.ofMinutes(1)).until(() -> processorsBehind(head).isEmpty());
            return head() == head;
        });
    }

    /** The rows of a processor's read model tables, each row as PostgreSQL prints it, in a stable order. */
    private static Map<String, List<String>> readModel(String processor) throws Exception {
        List<String> tables = processor.equals("applicant-view") ? List.of("application_view")
                : List.of("report_application", "report_indicator");
        Map<String, List<String>> rows = new HashMap<>();
        try (Connection c = core()) {
            for (String table : tables) {
                List<String> content = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("select t::text from " + table + " t order by 1")) {
                    while (rs.next()) {
                        content.add(rs.getString(1));
                    }
                }
                rows.put(table, content);
            }
        }
        return rows;
    }

    private static Connection core() throws Exception {
        PostgresServer pg = system.postgres;
        return DriverManager.getConnection(pg.jdbcUrl("gv_core"), pg.username(), pg.password());
    }

    /** The event store's head now: the load goes on, so processors are checked against the head when the fault ended. */
    private static long head() {
        return await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> {
            try (Connection c = core();
                 ResultSet rs = c.createStatement().executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        }, h -> true);
    }

    /** Segments of core's tracking processors whose token is short of {@code head}. */
    private static List<String> processorsBehind(long head) throws Exception {
        List<String> behind = new ArrayList<>();
        try (Connection c = core()) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select processor_name, segment, convert_from(token, 'UTF8') from token_entry where token is not null")) {
                while (rs.next()) {
                    Matcher m = INDEX.matcher(rs.getString(3));
                    long at = m.find() ? Long.parseLong(m.group(1)) : -1;
                    if (at < head) {
                        behind.add(rs.getString(1) + "/" + rs.getInt(2) + " at " + at + " of " + head);
                    }
                }
            }
        }
        return behind;
    }
}
