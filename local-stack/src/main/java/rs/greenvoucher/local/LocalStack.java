package rs.greenvoucher.local;

import rs.greenvoucher.infra.EmbeddedPostgresServer;
import rs.greenvoucher.infra.KafkaBrokerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    private final LocalServices services;
    private EmbeddedPostgresServer postgres;
    private KafkaBrokerProcess kafka;
    private MailCatcher mail;

    private LocalStack(Path root, Path dataDir, Ports ports) {
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
        this.services = new LocalServices(root, dataDir);
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
                        Banner.fail("--data-dir needs a directory");
                    }
                    dataDir = Path.of(args[++i]);
                }
                default -> Banner.fail("unknown argument " + args[i] + " (see --help)");
            }
        }
        Ports ports = Ports.fromEnvironment();
        List<String> taken = ports.taken();
        if (!taken.isEmpty()) {
            Banner.fail("these ports are taken: " + String.join(", ", taken)
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
        Banner.say("data directory " + dataDir);

        Banner.say("starting PostgreSQL on port " + ports.postgres());
        postgres = EmbeddedPostgresServer.start(ports.postgres(), dataDir.resolve("postgres"), true);
        for (String db : List.of("gv_core", "gv_evaluation", "gv_notification")) {
            postgres.createDatabase(db);
        }

        Banner.say("starting Kafka on port " + ports.kafka());
        kafka = new KafkaBrokerProcess(root.resolve("kafka-broker/target"), ports.kafka(), ports.kafkaController(),
                dataDir.resolve("kafka")).start();

        Banner.say("starting the SMTP catcher on port " + ports.smtp() + " (web page on " + ports.smtpWeb() + ")");
        mail = MailCatcher.start(ports.smtp(), ports.smtpWeb());

        Credentials credentials = Credentials.load(dataDir.resolve("credentials.properties"));
        Map<String, String> common = new LinkedHashMap<>();
        common.put("GV_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("GV_JWKS_URI", "http://127.0.0.1:" + ports.core() + "/.well-known/jwks.json");
        common.put("GV_METRICS_SCRAPE_TOKEN", credentials.metricsScrapeToken());

        Map<String, String> core = new LinkedHashMap<>(common);
        core.put("GV_CORE_PORT", Integer.toString(ports.core()));
        core.put("GV_CORE_DB_URL", postgres.jdbcUrl("gv_core"));
        core.put("GV_CORE_DB_USERNAME", postgres.username());
        core.put("GV_JWT_PRIVATE_KEY_FILE", dataDir.resolve("jwt-signing-key.pem").toString());
        core.put("GV_LOG_SIGNING_KEY_FILE", dataDir.resolve("log-signing-key.pem").toString());
        // the mailed link opens the portal's confirmation page
        core.put("GV_VERIFICATION_LINK", "http://127.0.0.1:" + ports.web() + "/confirm-email?token=");
        // the portal calls the APIs for its visitors: their addresses, not the portal's, count for throttling
        common.put("GV_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        core.put("GV_TRUSTED_PROXIES", common.get("GV_TRUSTED_PROXIES"));
        core.put("GV_BOOTSTRAP_ADMIN_USERNAME", credentials.adminUsername());
        core.put("GV_BOOTSTRAP_ADMIN_PASSWORD", credentials.adminPassword());
        services.start("application-core", core);

        Map<String, String> evaluation = new LinkedHashMap<>(common);
        evaluation.put("GV_EVALUATION_PORT", Integer.toString(ports.evaluation()));
        evaluation.put("GV_EVALUATION_DB_URL", postgres.jdbcUrl("gv_evaluation"));
        evaluation.put("GV_EVALUATION_DB_USERNAME", postgres.username());
        services.start("evaluation-service", evaluation);

        Map<String, String> notification = new LinkedHashMap<>(common);
        notification.put("GV_NOTIFICATION_PORT", Integer.toString(ports.notification()));
        notification.put("GV_NOTIFICATION_DB_URL", postgres.jdbcUrl("gv_notification"));
        notification.put("GV_NOTIFICATION_DB_USERNAME", postgres.username());
        notification.put("GV_SMTP_HOST", "127.0.0.1");
        notification.put("GV_SMTP_PORT", Integer.toString(ports.smtp()));
        notification.put("GV_PORTAL_URL", "http://127.0.0.1:" + ports.web());
        services.start("notification-service", notification);

        Map<String, String> web = Ports.webEnvironment(ports);
        web.put("GV_METRICS_SCRAPE_TOKEN", credentials.metricsScrapeToken());
        services.start("web-ui", web);

        for (var service : List.of(Map.entry("application-core", ports.core()), Map.entry("evaluation-service", ports.evaluation()),
                Map.entry("notification-service", ports.notification()), Map.entry("web-ui", ports.web()))) {
            services.awaitHealthy(service.getKey(), service.getValue());
        }
        Duration upAfter = Duration.between(started, Instant.now());

        DemoData demo = new DemoData("http://127.0.0.1:" + ports.core(), "http://127.0.0.1:" + ports.evaluation(), credentials, mail);
        demo.load();

        Banner.print(ports, kafka.bootstrapServers(), dataDir, credentials, demo, upAfter);
    }

    private synchronized void stop() {
        Banner.say("stopping");
        services.stop();
        if (kafka != null) {
            kafka.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        Banner.say("stopped");
    }
}
