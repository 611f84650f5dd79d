package rs.greenvoucher.bench;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.infra.TestInfrastructure;
import rs.greenvoucher.system.SystemAccess;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Not a test: a benchmark. Run with {@code ./mvnw -Pbenchmark -pl system-tests -am verify -Dit.test=SubmissionBenchmark}
 * ({@code -Dgv.bench.threads=4} for 4 clients). Prints (0) PostgreSQL's own limit for the event store's write shape
 * on the same database with the same number of clients ({@link EventStoreWriteShape}), (1) submissions per second
 * sustained over HTTP against core with the p50/p99 latency of POST /api/applications, and the ratio of the two, and
 * (2) the time from a submission (the event's timestamp) to its item in the evaluators' queue, median and p99.
 */
class SubmissionBenchmark {

    static final int WARM_UP = 200;
    static final int SUBMISSIONS = Integer.getInteger("gv.bench.submissions", 3000);
    static final int THREADS = Integer.getInteger("gv.bench.threads", 16);
    static final int PACE = Integer.getInteger("gv.bench.pace", 20);
    static final int PACED = Integer.getInteger("gv.bench.paced", 600);

    @Test
    void submissionsPerSecondAndTimeToQueue() throws Exception {
        HttpApi core = SystemAccess.core();
        double limit = EventStoreWriteShape.transactionsPerSecond(TestInfrastructure.postgres().jdbcUrl("gv_core"), THREADS,
                Duration.ofSeconds(20));
        System.out.printf("%n=== PostgreSQL's own limit for the event store's write shape (3 inserts + 1 token update per "
                + "transaction), %d clients, same database: %.0f transactions per second%n", THREADS, limit);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tokens.add(core.newApplicant(i % 2 == 0 ? "sr" : "en"));
        }
        int warmedUp = run(core, tokens, WARM_UP);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        int ok = run(core, tokens, SUBMISSIONS, latencies);
        Duration elapsed = Duration.between(start, Instant.now());
        Collections.sort(latencies);
        System.out.printf("%n=== Submissions over HTTP: %d accepted in %.1f s with %d concurrent clients = %.0f per second; "
                        + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ok, elapsed.toMillis() / 1000.0, THREADS,
                ok * 1000.0 / elapsed.toMillis(), pct(latencies, 0.50), pct(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6);
        System.out.printf("=== Ratio to PostgreSQL's own limit: %.2f%n", ok * 1000.0 / elapsed.toMillis() / limit);
        ServiceProbes.report("after the burst");

        // time to queue, under that burst and at a steady pace below capacity
        String url = TestInfrastructure.postgres().jdbcUrl("gv_evaluation");
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long burst = ok + warmedUp;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> count(c) >= burst);
            report(c, "after the burst above", Instant.EPOCH);

            Instant paced = Instant.now();
            int steady = 0;
            for (int i = 0; i < PACED; i++) {
                long due = System.nanoTime() + 1_000_000_000L / PACE;
                String body = TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10800", "paced-" + i + "@example.rs");
                if (core.post("/api/applications", tokens.get(i % tokens.size()), body).status() == 201) {
                    steady++;
                }
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            long all = burst + steady;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> count(c) >= all);
            report(c, "at a steady " + PACE + " submissions per second", paced);
        }
    }

    static void report(Connection c, String when, Instant since) throws Exception {
        try (var statement = c.prepareStatement("""
                select percentile_cont(0.5) within group (order by extract(epoch from queued_at - enqueued_at)) * 1000,
                       percentile_cont(0.99) within group (order by extract(epoch from queued_at - enqueued_at)) * 1000,
                       max(extract(epoch from queued_at - enqueued_at)) * 1000, count(*)
                from work_item where enqueued_at >= ?""")) {
            statement.setTimestamp(1, java.sql.Timestamp.from(since));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                System.out.printf("=== Submission to evaluators' queue %s, over %d applications: median %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        when, rs.getLong(4), rs.getDouble(1), rs.getDouble(2), rs.getDouble(3));
            }
        }
    }

    static long count(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from work_item")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int run(HttpApi core, List<String> tokens, int n) throws Exception {
        return run(core, tokens, n, Collections.synchronizedList(new ArrayList<>()));
    }

    static int run(HttpApi core, List<String> tokens, int n, List<Long> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String token : tokens) {
                futures.add(pool.submit(() -> {
                    while (next.getAndIncrement() < n) {
                        String body = TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10800",
                                "bench-" + UUID.randomUUID() + "@example.rs");
                        long t0 = System.nanoTime();
                        int status = core.post("/api/applications", token, body).status();
                        latencies.add(System.nanoTime() - t0);
                        if (status == 201) {
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return accepted.get();
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
