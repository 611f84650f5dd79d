package rs.greenvoucher.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import rs.greenvoucher.infra.EmbeddedPostgresServer;
import rs.greenvoucher.infra.FreePorts;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.KafkaBrokerProcess;
import rs.greenvoucher.infra.ServiceProcess;
import rs.greenvoucher.infra.TestInfrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system for end-to-end tests: real PostgreSQL, Kafka and SMTP (GreenMail), and the three services
 * started from their jars as separate processes, talking to each other only over HTTP and Kafka. Started once per
 * test JVM.
 */
final class SystemUnderTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-" + UUID.randomUUID();
    static final String EVALUATOR_PASSWORD = "evaluator-password-" + UUID.randomUUID();

    private static SystemUnderTest instance;

    final HttpApi core;
    final HttpApi evaluation;
    final HttpApi notification;
    final GreenMail smtp;

    private SystemUnderTest(HttpApi core, HttpApi evaluation, HttpApi notification, GreenMail smtp) {
        this.core = core;
        this.evaluation = evaluation;
        this.notification = notification;
        this.smtp = smtp;
    }

    static synchronized SystemUnderTest get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static SystemUnderTest start() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path logs = Path.of("target", "system-logs").toAbsolutePath();
        EmbeddedPostgresServer pg = TestInfrastructure.postgres();
        KafkaBrokerProcess kafka = TestInfrastructure.kafka();
        GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        int corePort = FreePorts.next();
        int evaluationPort = FreePorts.next();
        int notificationPort = FreePorts.next();
        Map<String, String> common = new HashMap<>();
        common.put("GV_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("GV_JWKS_URI", "http://127.0.0.1:" + corePort + "/.well-known/jwks.json");

        for (String db : new String[]{"gv_core", "gv_evaluation", "gv_notification"}) {
            pg.createDatabase(db);
        }
        Map<String, String> coreEnv = new HashMap<>(common);
        coreEnv.put("GV_CORE_PORT", Integer.toString(corePort));
        coreEnv.put("GV_CORE_DB_URL", pg.jdbcUrl("gv_core"));
        coreEnv.put("GV_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        coreEnv.put("GV_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Map<String, String> evaluationEnv = new HashMap<>(common);
        evaluationEnv.put("GV_EVALUATION_PORT", Integer.toString(evaluationPort));
        evaluationEnv.put("GV_EVALUATION_DB_URL", pg.jdbcUrl("gv_evaluation"));
        Map<String, String> notificationEnv = new HashMap<>(common);
        notificationEnv.put("GV_NOTIFICATION_PORT", Integer.toString(notificationPort));
        notificationEnv.put("GV_NOTIFICATION_DB_URL", pg.jdbcUrl("gv_notification"));
        notificationEnv.put("GV_SMTP_HOST", "127.0.0.1");
        notificationEnv.put("GV_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));

        ServiceProcess core = ServiceProcess.start(root, "application-core", corePort, coreEnv, logs);
        ServiceProcess evaluation = ServiceProcess.start(root, "evaluation-service", evaluationPort, evaluationEnv, logs);
        ServiceProcess notification = ServiceProcess.start(root, "notification-service", notificationPort, notificationEnv, logs);
        // stop all three at once: the test JVM has a limited time to exit, a service one after another may not fit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List.of(core, evaluation, notification).parallelStream().forEach(ServiceProcess::close);
            smtp.stop();
        }));
        core.awaitHealthy(Duration.ofMinutes(3));
        evaluation.awaitHealthy(Duration.ofMinutes(3));
        notification.awaitHealthy(Duration.ofMinutes(3));

        SystemUnderTest system = new SystemUnderTest(new HttpApi(core.baseUrl()), new HttpApi(evaluation.baseUrl()),
                new HttpApi(notification.baseUrl()), smtp);
        String admin = system.adminToken();
        var evaluator = system.core.post("/api/accounts/staff", admin, """
                {"username":"jelena","password":"%s","fullName":"Jelena Đorđević","role":"EVALUATOR","email":"jelena@greenvoucher.rs"}"""
                .formatted(EVALUATOR_PASSWORD));
        var evaluator2 = system.core.post("/api/accounts/staff", admin, """
                {"username":"marko","password":"%s","fullName":"Marko Ilić","role":"EVALUATOR","email":"marko@greenvoucher.rs"}"""
                .formatted(EVALUATOR_PASSWORD));
        var manager = system.core.post("/api/accounts/staff", admin, """
                {"username":"milos","password":"%s","fullName":"Miloš Stanković","role":"MANAGER","email":"milos@greenvoucher.rs"}"""
                .formatted(EVALUATOR_PASSWORD));
        var call = system.core.post("/api/calls", admin, """
                {"name":"Zeleni vaučeri 2026","opensOn":"2026-01-01","closesOn":"2030-12-31","budgetEur":500000,
                 "maxVoucherEur":20000,"maxSharePercent":90,"completionMonths":6}""");
        if (evaluator.status() != 201 || evaluator2.status() != 201 || manager.status() != 201 || call.status() != 201) {
            throw new IllegalStateException("set-up failed: " + evaluator.body() + " " + call.body());
        }
        return system;
    }

    String adminToken() {
        return core.token(ADMIN, ADMIN_PASSWORD);
    }

    String evaluatorToken(String username) {
        return core.token(username, EVALUATOR_PASSWORD);
    }
}
