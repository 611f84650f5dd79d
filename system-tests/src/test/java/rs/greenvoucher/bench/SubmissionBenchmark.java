package rs.greenvoucher.bench;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.infra.TestInfrastructure;
import rs.greenvoucher.system.SystemAccess;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;

/**
 * Not a test: a benchmark. Run with {@code ./mvnw -Pbenchmark -pl system-tests -am verify -Dit.test=SubmissionBenchmark}
 * ({@code -Dgv.bench.threads=4} for 4 clients). Prints (0) PostgreSQL's own limit for the event store's write shape
 * on the same database with the same number of clients ({@link EventStoreWriteShape}), (1) submissions per second
 * sustained over HTTP against core with the p50/p99 latency of POST /api/applications, and the ratio of the two, and
 * (2) GET /api/applications/{id} by one more client during that burst, (3) the CPU each process of the stack spent per
 * submission, (4) the time from a submission (the event's timestamp) to its item in the evaluators' queue, median and
 * p99, during the burst and at a steady pace, and how long after the burst the queue had caught up, (5) the evaluators'
 * queue (API and the portal's page) with the burst's items waiting, (6) each service's resident memory, and (7) GET
 * again by one more client during the steady pace.
 */
class SubmissionBenchmark {

    static final int WARM_UP = Integer.getInteger("gv.bench.warmup", 200);
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
        List<String[]> warm = Collections.synchronizedList(new ArrayList<>()); // {token, application id}
        int warmedUp = run(core, tokens, WARM_UP, Collections.synchronizedList(new ArrayList<>()), warm);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Double> cpuBefore = ServiceProbes.cpu();
        Instant start = Instant.now();
        // one more client reads applicants' applications while the others submit: GET under the submission load
        Reader reader = new Reader(core, warm);
        int ok = run(core, tokens, SUBMISSIONS, latencies, Collections.synchronizedList(new ArrayList<>()));
        Instant burstEnd = Instant.now();
        reader.stop("during the burst (one more client)");
        Map<String, Double> cpuAfter = ServiceProbes.cpu();
        Duration elapsed = Duration.between(start, burstEnd);
        Collections.sort(latencies);
        System.out.printf("%n=== Submissions over HTTP: %d accepted in %.1f s with %d concurrent clients = %.0f per second; "
                        + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ok, elapsed.toMillis() / 1000.0, THREADS,
                ok * 1000.0 / elapsed.toMillis(), pct(latencies, 0.50), pct(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6);
        System.out.printf("=== Ratio to PostgreSQL's own limit: %.2f%n", ok * 1000.0 / elapsed.toMillis() / limit);
        reader.print();
        ServiceProbes.reportCpu(cpuBefore, cpuAfter, ok, elapsed.toMillis() / 1000.0);
        ServiceProbes.report("after the burst");

        // time to queue, under that burst and at a steady pace below capacity
        String url = TestInfrastructure.postgres().jdbcUrl("gv_evaluation");
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long burst = ok + warmedUp;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> count(c) >= burst);
            report(c, "after the burst above", Instant.EPOCH);
            QueueHops.report(c, "after the burst", Instant.EPOCH);
            try (ResultSet rs = c.createStatement().executeQuery("select max(queued_at) from work_item")) {
                rs.next();
                System.out.printf("=== The queue had every item of the burst %.1f s after its last submission was answered%n",
                        Duration.between(burstEnd, rs.getTimestamp(1).toInstant()).toMillis() / 1000.0);
            }
            queuePages(c);

            // open loop: each submission starts at its time whatever the earlier ones' latency (a closed loop of one
            // client would fall below the pace as soon as a submission takes longer than its interval)
            Instant paced = Instant.now();
            Reader steadyReader = new Reader(core, warm);
            Map<String, Double> steadyCpu = ServiceProbes.cpu();
            AtomicInteger accepted = new AtomicInteger();
            ExecutorService submitters = Executors.newFixedThreadPool(THREADS);
            long first = System.nanoTime();
            for (int i = 0; i < PACED; i++) {
                LockSupport.parkNanos(first + i * 1_000_000_000L / PACE - System.nanoTime());
                int n = i;
                submitters.execute(() -> {
                    String body = TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10800", "paced-" + n + "@example.rs");
                    if (core.post("/api/applications", tokens.get(n % tokens.size()), body).status() == 201) {
                        accepted.incrementAndGet();
                    }
                });
            }
            submitters.shutdown();
            submitters.awaitTermination(5, TimeUnit.MINUTES);
            steadyReader.stop("at a steady " + PACE + " submissions per second (one more client)");
            int steady = accepted.get();
            System.out.printf("=== The steady part: %d of %d submissions accepted in %.1f s (%.1f per second)%n", steady, PACED,
                    (System.nanoTime() - first) / 1e9, steady * 1e9 / (System.nanoTime() - first));
            steadyReader.print();
            ServiceProbes.reportCpu(steadyCpu, ServiceProbes.cpu(), steady, (System.nanoTime() - first) / 1e9);
            long all = burst + steady;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> count(c) >= all);
            report(c, "at a steady " + PACE + " submissions per second", paced);
            QueueHops.report(c, "at the steady pace", paced);
        }
    }

    /** The evaluators' queue with every item of the burst waiting: its API (100 and 500 rows) and its page in the portal. */
    static void queuePages(Connection c) throws Exception {
        long waiting;
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from work_item where stage = 'SCREENING'")) {
            rs.next();
            waiting = rs.getLong(1);
        }
        String evaluator = SystemAccess.evaluatorToken("jelena");
        HttpApi evaluation = SystemAccess.evaluation();
        for (int limit : new int[] {100, 500}) {
            String path = "/api/queue?stage=SCREENING&limit=" + limit;
            printTimes("GET " + path + " with " + waiting + " items waiting", () -> evaluation.get(path, evaluator).status());
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String web = SystemAccess.webUrl();
        String form = browser.send(HttpRequest.newBuilder(URI.create(web + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in form has no CSRF field");
        }
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(web + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                        + "&username=jelena&password=" + URLEncoder.encode(SystemAccess.staffPassword(), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 302) {
            throw new IllegalStateException("sign-in to the portal: " + signIn.statusCode());
        }
        HttpRequest page = HttpRequest.newBuilder(URI.create(web + "/console?stage=SCREENING")).build();
        int bytes = browser.send(page, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        printTimes("the portal's queue page (/console, 100 rows, " + bytes / 1024 + " KB) with " + waiting + " items waiting",
                () -> browser.send(page, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** One more client reading applicants' applications, one after the other, until stopped: GET under a load. */
    static final class Reader {

        private final List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final Thread thread;
        private String when;

        Reader(HttpApi core, List<String[]> applications) {
            thread = new Thread(() -> {
                for (int i = 0; reading.get(); i++) {
                    String[] application = applications.get(i % applications.size()); // {token, application id}
                    long t0 = System.nanoTime();
                    int status = core.get("/api/applications/" + application[1], application[0]).status();
                    reads.add(System.nanoTime() - t0);
                    if (status != 200) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
        }

        void stop(String when) throws InterruptedException {
            this.when = when;
            reading.set(false);
            thread.join();
        }

        void print() {
            List<Long> sorted = new ArrayList<>(reads);
            Collections.sort(sorted);
            System.out.printf("=== GET /api/applications/{id} %s: %d reads, %d not 200, p50 %.1f ms, p99 %.1f ms%n",
                    when, sorted.size(), failed.get(), pct(sorted, 0.50), pct(sorted, 0.99));
        }
    }

    interface Call {
        int status() throws Exception;
    }

    /** Median and slowest of 20 calls after 5 to warm up; each must answer 200. */
    static void printTimes(String what, Call call) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long t0 = System.nanoTime();
            int status = call.status();
            if (status != 200) {
                throw new IllegalStateException(what + ": " + status);
            }
            if (i >= 5) {
                times.add(System.nanoTime() - t0);
            }
        }
        Collections.sort(times);
        System.out.printf("=== %s: median %.1f ms, slowest %.1f ms (20 calls)%n", what, pct(times, 0.5), times.get(times.size() - 1) / 1e6);
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

    static int run(HttpApi core, List<String> tokens, int n, List<Long> latencies, List<String[]> accepted) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String token : tokens) {
                futures.add(pool.submit(() -> {
                    while (next.getAndIncrement() < n) {
                        String body = TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10800",
                                "bench-" + UUID.randomUUID() + "@example.rs");
                        long t0 = System.nanoTime();
                        HttpApi.Response response = core.post("/api/applications", token, body);
                        latencies.add(System.nanoTime() - t0);
                        if (response.status() == 201) {
                            accepted.add(new String[] {token, response.json().get("id").asText()});
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
        return accepted.size();
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
