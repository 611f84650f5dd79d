package rs.greenvoucher.local;

import rs.greenvoucher.infra.EmbeddedPostgresServer;
import rs.greenvoucher.infra.FreePorts;
import rs.greenvoucher.infra.KafkaBrokerProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine, for {@code ./run-local}: embedded PostgreSQL (one database per service, data
 * kept in the data directory), a Kafka KRaft broker in its own process, an SMTP catcher with a web page, and the
 * three services as their own processes. Loads demo data and prints every URL and credential. Ctrl-C stops all.
 */
public final class LocalStack {

    private final Path root;
    private final Path dataDir;
    private final Ports ports;
    private final List<Process> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private KafkaBrokerProcess kafka;
    private MailCatcher mail;

    private LocalStack(Path root, Path dataDir, Ports ports) {
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(".local");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println("usage: ./run-local [--data-dir DIR] [--help]  (see ./run-local --help)");
                    return;
                }
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        fail("--data-dir needs a directory");
                    }
                    dataDir = Path.of(args[++i]);
                }
                default -> fail("unknown argument " + args[i] + " (see --help)");
            }
        }
        Ports ports = Ports.fromEnvironment();
        List<String> taken = ports.taken();
        if (!taken.isEmpty()) {
            fail("these ports are taken: " + String.join(", ", taken)
                    + ". Stop what uses them, or choose others with the environment variables in --help.");
        }
        Files.createDirectories(dataDir.resolve("logs"));
        LocalStack stack = new LocalStack(Path.of("").toAbsolutePath(), dataDir.toAbsolutePath(), ports);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        stack.start();
        Thread.currentThread().join(); // until Ctrl-C
    }

    private void start() throws Exception {
        Instant started = Instant.now();
        say("data directory " + dataDir);

        say("starting PostgreSQL on port " + ports.postgres);
        postgres = EmbeddedPostgresServer.start(ports.postgres, dataDir.resolve("postgres"), true);
        for (String db : List.of("gv_core", "gv_evaluation", "gv_notification")) {
            postgres.createDatabase(db);
        }

        say("starting Kafka on port " + ports.kafka);
        kafka = new KafkaBrokerProcess(root.resolve("kafka-broker/target"), ports.kafka, ports.kafkaController,
                dataDir.resolve("kafka")).start();

        say("starting the SMTP catcher on port " + ports.smtp + " (web page on " + ports.smtpWeb + ")");
        mail = MailCatcher.start(ports.smtp, ports.smtpWeb);

        Credentials credentials = Credentials.load(dataDir.resolve("credentials.properties"));
        Map<String, String> common = new LinkedHashMap<>();
        common.put("GV_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("GV_JWKS_URI", "http://127.0.0.1:" + ports.core + "/.well-known/jwks.json");

        Map<String, String> core = new LinkedHashMap<>(common);
        core.put("GV_CORE_PORT", Integer.toString(ports.core));
        core.put("GV_CORE_DB_URL", postgres.jdbcUrl("gv_core"));
        core.put("GV_CORE_DB_USERNAME", postgres.username());
        core.put("GV_JWT_PRIVATE_KEY_FILE", dataDir.resolve("jwt-signing-key.pem").toString());
        // the mailed link opens the portal's confirmation page
        core.put("GV_VERIFICATION_LINK", "http://127.0.0.1:" + ports.web + "/confirm-email?token=");
        // the portal calls the APIs for its visitors: their addresses, not the portal's, count for throttling
        common.put("GV_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        core.put("GV_TRUSTED_PROXIES", common.get("GV_TRUSTED_PROXIES"));
        core.put("GV_BOOTSTRAP_ADMIN_USERNAME", credentials.adminUsername());
        core.put("GV_BOOTSTRAP_ADMIN_PASSWORD", credentials.adminPassword());
        startService("application-core", core);

        Map<String, String> evaluation = new LinkedHashMap<>(common);
        evaluation.put("GV_EVALUATION_PORT", Integer.toString(ports.evaluation));
        evaluation.put("GV_EVALUATION_DB_URL", postgres.jdbcUrl("gv_evaluation"));
        evaluation.put("GV_EVALUATION_DB_USERNAME", postgres.username());
        startService("evaluation-service", evaluation);

        Map<String, String> notification = new LinkedHashMap<>(common);
        notification.put("GV_NOTIFICATION_PORT", Integer.toString(ports.notification));
        notification.put("GV_NOTIFICATION_DB_URL", postgres.jdbcUrl("gv_notification"));
        notification.put("GV_NOTIFICATION_DB_USERNAME", postgres.username());
        notification.put("GV_SMTP_HOST", "127.0.0.1");
        notification.put("GV_SMTP_PORT", Integer.toString(ports.smtp));
        notification.put("GV_PORTAL_URL", "http://127.0.0.1:" + ports.web);
        startService("notification-service", notification);

        Map<String, String> web = new LinkedHashMap<>();
        web.put("GV_WEB_PORT", Integer.toString(ports.web));
        web.put("GV_CORE_URL", "http://127.0.0.1:" + ports.core);
        web.put("GV_EVALUATION_URL", "http://127.0.0.1:" + ports.evaluation);
        web.put("GV_NOTIFICATION_URL", "http://127.0.0.1:" + ports.notification);
        // who runs the portal: a deployment's own settings; the demo's, unless the environment gives them
        Map.of("GV_OPERATOR_NAME", "Demo operater programa Zeleni vaučer", "GV_OPERATOR_ADDRESS", "Primer ulica 1, 11000 Beograd",
                "GV_OPERATOR_EMAIL", "vauceri@example.rs", "GV_OPERATOR_PHONE", "+381 11 000 0000",
                "GV_SCHEME_FUNDER", "Demo fond za inovacije (primer)")
                .forEach((variable, demo) -> web.put(variable, System.getenv().getOrDefault(variable, demo)));
        startService("web-ui", web);

        for (var service : List.of(Map.entry("application-core", ports.core), Map.entry("evaluation-service", ports.evaluation),
                Map.entry("notification-service", ports.notification), Map.entry("web-ui", ports.web))) {
            awaitHealthy(service.getKey(), service.getValue());
        }
        Duration upAfter = Duration.between(started, Instant.now());

        DemoData demo = new DemoData("http://127.0.0.1:" + ports.core, credentials, mail);
        demo.load();

        print(credentials, demo, upAfter);
    }

    private void startService(String module, Map<String, String> env) throws IOException {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./run-local, which builds it");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the full tiered compiler: the quick one alone starts a few seconds sooner but runs slower for good (docs/performance.md)
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("logs").resolve(module + ".log").toFile()));
        builder.environment().putAll(env);
        say("starting " + module);
        services.add(builder.start());
    }

    private void awaitHealthy(String name, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            for (Process p : services) {
                if (!p.isAlive()) {
                    fail("a service stopped during start-up; see " + dataDir.resolve("logs"));
                }
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    say(name + " is UP");
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        fail(name + " did not become healthy within 3 minutes; see " + dataDir.resolve("logs").resolve(name + ".log"));
    }

    private void print(Credentials credentials, DemoData demo, Duration upAfter) {
        String core = "http://127.0.0.1:" + ports.core;
        StringBuilder out = new StringBuilder();
        out.append("\n================ Green Voucher is running (all services UP after ")
                .append(upAfter.toSeconds()).append(" s) ================\n");
        out.append("\n  Start here, the portal:  http://127.0.0.1:").append(ports.web).append("/\n");
        out.append("  (Srpski / English; sign in with a demo account below)\n\n");
        out.append("application-core      ").append(core).append("   (Swagger UI: ").append(core).append("/swagger-ui.html)\n");
        out.append("evaluation-service    http://127.0.0.1:").append(ports.evaluation).append("   (Swagger UI: /swagger-ui.html)\n");
        out.append("notification-service  http://127.0.0.1:").append(ports.notification).append("   (Swagger UI: /swagger-ui.html)\n");
        out.append("mail catcher          http://127.0.0.1:").append(ports.smtpWeb).append("   (SMTP on ").append(ports.smtp).append(")\n");
        out.append("Kafka                 ").append(kafka.bootstrapServers()).append("\n");
        out.append("PostgreSQL            jdbc:postgresql://127.0.0.1:").append(ports.postgres)
                .append("/{gv_core,gv_evaluation,gv_notification} (user postgres, local trust)\n");
        out.append("\nCredentials (kept in ").append(dataDir.resolve("credentials.properties")).append("):\n");
        out.append(String.format("  %-10s %-28s %s%n", "ADMIN", credentials.adminUsername(), credentials.adminPassword()));
        out.append(demo.summary());
        out.append("\nGet a token:  curl -s -X POST ").append(core)
                .append("/api/auth/token -H 'Content-Type: application/json' -d '{\"username\":\"")
                .append(credentials.adminUsername()).append("\",\"password\":\"").append(credentials.adminPassword()).append("\"}'\n");
        out.append("Logs: ").append(dataDir.resolve("logs")).append("      Stop: Ctrl-C\n");
        System.out.println(out);
    }

    private synchronized void stop() {
        say("stopping");
        for (Process p : services) {
            p.destroy();
        }
        for (Process p : services) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        if (kafka != null) {
            kafka.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        say("stopped");
    }

    static void say(String message) {
        System.out.println("[run-local] " + message);
    }

    static void fail(String message) {
        System.err.println("[run-local] " + message);
        System.exit(1);
    }

    /** Every port, from the environment or the default. */
    record Ports(int core, int evaluation, int notification, int web, int kafka, int kafkaController, int postgres, int smtp,
                 int smtpWeb) {

        static Ports fromEnvironment() {
            return new Ports(env("GV_CORE_PORT", 8080), env("GV_EVALUATION_PORT", 8081), env("GV_NOTIFICATION_PORT", 8082),
                    env("GV_WEB_PORT", 8083),
                    env("GV_KAFKA_PORT", 9092), env("GV_KAFKA_CONTROLLER_PORT", 9093), env("GV_POSTGRES_PORT", 15432),
                    env("GV_SMTP_PORT", 3025), env("GV_SMTP_WEB_PORT", 3026));
        }

        List<String> taken() {
            Map<String, Integer> all = new LinkedHashMap<>();
            all.put("application-core", core);
            all.put("evaluation-service", evaluation);
            all.put("notification-service", notification);
            all.put("web-ui (the portal)", web);
            all.put("Kafka", kafka);
            all.put("Kafka controller", kafkaController);
            all.put("PostgreSQL", postgres);
            all.put("SMTP", smtp);
            all.put("mail catcher web page", smtpWeb);
            List<String> taken = new ArrayList<>();
            all.forEach((name, port) -> {
                if (!FreePorts.isFree(port)) {
                    taken.add(port + " (" + name + ")");
                }
            });
            return taken;
        }

        private static int env(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }
}
