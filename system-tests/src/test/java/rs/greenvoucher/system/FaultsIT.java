package rs.greenvoucher.system;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import rs.greenvoucher.infra.EmbeddedPostgresServer;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.KafkaBrokerProcess;
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
 * The fault suite. Under a steady load of submissions (4/s) and screening decisions, one fault after another:
 * kill -9 of each service (down about 5 s, then started again), kill -9 of the Kafka broker (about 15 s down),
 * kill -9 of PostgreSQL, the notification service's database refusing connections (about 10 s), and a second
 * instance of each service with the first then killed. Each outage lasts as long as its cause needs: work arrives
 * while the part is away, and (the broker) the waits that give up have given up.
 * After each fault the same invariants: every submission that got 201 is in core, in the evaluators' queue and
 * mailed to its applicant exactly once; every decision that got 202 is applied or refused with a reason; no
 * tracking processor of core is behind the event store's head. Each fault prints a row of figures (FAULT SUITE).
 * Last, with the load stopped, core's read models are rebuilt from the events and must equal what they were.
 */
@Order(Integer.MAX_VALUE) // last of the API tests, on their system: it kills its parts
class FaultsIT {

    private static SystemUnderTest system;

    @org.junit.jupiter.api.BeforeAll
    static void aSystemOfItsOwn() {
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
        system.stop(); // the last test on it: its CPU and memory go back to the browser tests still running
    }

    /** A fault test that fails halfway leaves the system whole for the tests after it. */
    @org.junit.jupiter.api.AfterEach
    void heal() {
        system.kafka.start();
        system.heal();
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
                    HttpApi.Response r = system.core.post("/api/applications", applicants.get(i % applicants.size()),
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
                    JsonNode queue = system.evaluation.get("/api/queue?stage=SCREENING&assignee=unassigned", evaluator).json();
                    for (JsonNode item : queue) {
                        if (item.get("pendingDecision").isNull()) {
                            String id = item.get("applicationId").asString();
                            if (system.evaluation.post("/api/work-items/" + id + "/claim", evaluator, "").status() != 200) {
                                return;
                            }
                            HttpApi.Response r = system.evaluation.post("/api/applications/" + id + "/screening", evaluator,
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
                HttpApi.Response r = system.core.post("/api/applications", applicant,
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

    /**
     * D3's deadlines on a real process: core is started two weeks ahead (GV_CLOCK_OFFSET) with a round every second,
     * killed with -9 right as it comes up (its first rounds may be mid-way) and started again; the reminder and then the
     * expiry each happen once: one event, one mail, and no more over the rounds after.
     */
    @Test
    void aRequestsReminderAndExpiryHappenOnceAcrossKillsOfCore() throws Exception {
        String email = system.core.signUp("sr");
        system.core.verify(email);
        String token = system.core.token(email, HttpApi.APPLICANT_PASSWORD);
        var submitted = system.core.post("/api/applications", token, TestData.application(TestData.mb()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        String marko = system.evaluatorToken("marko");
        await().atMost(Duration.ofSeconds(30)).until(() -> system.evaluation.post("/api/work-items/" + id + "/claim", marko, "").status() == 200);
        var asked = system.evaluation.post("/api/applications/" + id + "/information-request", marko,
                "{\"message\":\"Pošaljite finansijske izveštaje.\",\"documentKinds\":[\"FINANCIAL_STATEMENTS\"]}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String admin = system.adminToken();
        await().atMost(Duration.ofSeconds(30)).until(() -> "INFORMATION_REQUESTED".equals(
                system.core.get("/api/applications/" + id, admin).json().path("status").asString("")));
        int days = java.time.Period.between(java.time.LocalDate.now(rs.greenvoucher.api.SchemeRules.ZONE), java.time.LocalDate.parse(
                system.core.get("/api/applications/" + id, admin).json().get("informationRequest").get("replyBy").asString())).getDays();
        try {
            for (String[] step : new String[][]{{"P" + (days - 3) + "D", "ReplyReminderDue", "Podsetnik: dopune do "},
                    {"P" + (days + 1) + "D", "InformationRequestExpired", "Prijava je istekla — "}}) {
                system.kill("application-core");
                system.restart("application-core", Map.of("GV_CLOCK_OFFSET", step[0], "GV_EXPIRY_CHECK_INTERVAL", "PT1S",
                        "GV_EXPIRY_INITIAL_DELAY", "PT0S"));
                system.kill("application-core"); // as it comes up: its first round may be under way
                system.restart("application-core");
                await().atMost(Duration.ofSeconds(60)).until(() -> events(id, admin, step[1]) >= 1 && mails(email, step[2]) >= 1);
                // held over the next rounds (one a second) and the notification service's polls: once, never twice
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .until(() -> events(id, admin, step[1]) == 1 && mails(email, step[2]) == 1);
            }
            assertThat(system.core.get("/api/applications/" + id, admin).json().get("status").asString()).isEqualTo("EXPIRED");
        } finally {
            system.kill("application-core");
            java.util.Map<String, String> now = new java.util.HashMap<>();
            now.put("GV_CLOCK_OFFSET", null);
            now.put("GV_EXPIRY_CHECK_INTERVAL", null);
            now.put("GV_EXPIRY_INITIAL_DELAY", null);
            system.restart("application-core", now);
        }
    }

    private long events(String id, String admin, String type) {
        long n = 0;
        for (var entry : system.core.get("/api/applications/" + id + "/audit", admin).json().get("entries")) {
            n += entry.get("event").asString().equals(type) ? 1 : 0;
        }
        return n;
    }

    private long mails(String to, String subjectStart) throws Exception {
        long n = 0;
        for (MimeMessage m : system.smtp.getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to)) && m.getSubject().startsWith(subjectStart)) {
                n++;
            }
        }
        return n;
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
            for (String service : List.of("application-core", "evaluation-service", "notification-service")) {
                system.kill(service);
                if (service.equals("application-core")) {
                    load.awaitRefused(13); // ~5 s of refused submissions
                } else {
                    load.awaitAccepted(13); // ~5 s: core accepts while a follower is dead
                }
                system.restart(service);
                table.add(converge("kill -9 " + service, load));
            }

            KafkaBrokerProcess broker = system.kafka;
            broker.kill();
            // ~15 s, longer than the producers' max.block.ms (10 s): sends fail and are tried again; the event store
            // is core's outbox, submissions go on
            load.awaitAccepted(38);
            broker.start();
            table.add(converge("kill -9 Kafka broker, ~15 s", load));

            EmbeddedPostgresServer postgres = system.postgres;
            postgres.kill();
            // down until core has felt it: a submission fails once its connection pool gives up
            load.awaitRefused(1);
            postgres.restart();
            table.add(converge("kill -9 PostgreSQL", load));

            refuseConnections("gv_notification", true);
            load.awaitAccepted(25); // ~10 s: the notification service cannot reach its database, the others go on
            refuseConnections("gv_notification", false);
            table.add(converge("notification's database refusing connections, ~10 s", load));

            inParallel(List.of("application-core", "evaluation-service", "notification-service"), system::startSecondInstance);
            load.awaitAccepted(13); // ~5 s: both instances of each share the work
            table.add(converge("two instances of each service", load));
            for (String service : List.of("evaluation-service", "notification-service")) {
                system.kill(service); // the first instance dies; the second does all of it
            }
            load.awaitAccepted(13);
            table.add(converge("first instances killed, second alone", load));
            inParallel(List.of("evaluation-service", "notification-service"), service -> {
                system.restart(service);
                system.stopSecondInstance(service);
            });
            system.stopSecondInstance("application-core");
            table.add(converge("back to one instance each", load));
            assertThat(load.hostileLetThrough).as("hostile submissions let through").isEmpty();
            assertThat(load.hostileRefused.get()).isPositive();

            // with the load stopped and everything in flight applied, every read model of core equals a fresh rebuild
            load.close();
            confirmed.clear(); // the last round checks everything accepted since the start, not only the newest
            table.add(converge("load stopped", load));
            quiesce();
            for (String processor : List.of("applicant-view", "reporting")) {
                Map<String, List<String>> before = readModel(processor);
                assertThat(system.core.post("/api/admin/processors/" + processor + "/rebuild", system.adminToken(), "").status())
                        .isEqualTo(200);
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

    private static void inParallel(List<String> services, java.util.function.Consumer<String> action) {
        services.parallelStream().forEach(action);
    }

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
                        assertThat(system.core.get("/api/applications/" + id, admin).status()).as("in core " + id).isEqualTo(200);
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
                for (JsonNode n : notification.get("/api/notifications?limit=500", applicant).json()) {
                    inFeeds.add(n.get("applicationId").asString());
                }
            }
            assertThat(inFeeds).containsAll(accepted);
        });
    }

    /** A database that refuses every connection, as when it is taken offline for maintenance (or allowed again). */
    private static void refuseConnections(String database, boolean refuse) {
        try (Connection c = DriverManager.getConnection(system.postgres.jdbcUrl("postgres"), "postgres", "")) {
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
        EmbeddedPostgresServer pg = system.postgres;
        return DriverManager.getConnection(pg.jdbcUrl("gv_core"), pg.username(), "");
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
