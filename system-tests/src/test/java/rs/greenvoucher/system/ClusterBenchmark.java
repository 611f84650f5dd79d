package rs.greenvoucher.system;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestData;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Not a test: a benchmark (docs/scaling.md). Run with {@code ./mvnw -Pbenchmark -pl system-tests verify
 * -Dit.test=ClusterBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}. On the production topology
 * ({@link SystemUnderTest#cluster()}: three Kafka nodes, Debian's PostgreSQL server, the services' own roles), the
 * submissions per second that {@code gv.bench.threads} clients (16) get over {@code gv.bench.seconds} (40 s), and
 * their p99, first with one instance of each service, then with two (the clients spread over both cores), and how
 * long after each burst the evaluators' queue had every accepted submission.
 */
class ClusterBenchmark {

    static final int THREADS = Integer.getInteger("gv.bench.threads", 16);
    static final int SECONDS = Integer.getInteger("gv.bench.seconds", 40);

    @Test
    void throughputWithOneAndWithTwoInstancesOfEachService() throws Exception {
        SystemUnderTest system = SystemUnderTest.cluster();
        List<String> applicants = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            applicants.add(system.core.newApplicant("sr"));
        }
        List<String> services = List.of("application-core", "evaluation-service", "notification-service");
        services.forEach(system::stopSecondInstance);
        burst(system, applicants, "warm-up, one instance of each", 15);
        burst(system, applicants, "one instance of each service", SECONDS);
        services.parallelStream().forEach(system::startSecondInstance);
        burst(system, applicants, "warm-up, two instances of each", 15);
        burst(system, applicants, "two instances of each service", SECONDS);
        system.stop();
    }

    private static void burst(SystemUnderTest system, List<String> applicants, String label, int seconds) throws Exception {
        List<HttpApi> cores = system.instances("application-core");
        long before = queued(system);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int client = t;
            clients.submit(() -> {
                int n = 0;
                while (Instant.now().isBefore(end)) {
                    long start = System.nanoTime();
                    HttpApi core = cores.get((client + n++) % cores.size());
                    int status = core.post("/api/applications", applicants.get(client), TestData.application(TestData.mb())).status();
                    latencies.add(System.nanoTime() - start);
                    (status == 201 ? accepted : refused).incrementAndGet();
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        Instant burstEnd = Instant.now();
        long expected = before + accepted.get();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> queued(system) >= expected);
        double caughtUp = Duration.between(burstEnd, Instant.now()).toMillis() / 1000.0;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1_000_000;
        System.out.printf("=== CLUSTER | %s | %d clients over %d core instance(s) | %.1f submissions/s | p99 %d ms | refused %d "
                        + "| the queue had all of them %.1f s after the burst%n", label, THREADS, cores.size(),
                accepted.get() / (double) seconds, p99, refused.get(), caughtUp);
    }

    private static long queued(SystemUnderTest system) throws Exception {
        try (Connection c = DriverManager.getConnection(system.postgres.jdbcUrl("gv_evaluation"), system.postgres.username(),
                system.postgres.password()); ResultSet rs = c.createStatement().executeQuery("select count(*) from work_item")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
