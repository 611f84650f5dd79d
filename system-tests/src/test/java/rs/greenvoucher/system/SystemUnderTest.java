package rs.greenvoucher.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import rs.greenvoucher.infra.FreePorts;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.KafkaBrokers;
import rs.greenvoucher.infra.PostgresServer;
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
 * test JVM. Two of them run side by side: the browser tests' ({@link #get()}) and the API tests' and the fault
 * suite's ({@link #api()}), which runs last on it as it kills its parts.
 */
final class SystemUnderTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-" + UUID.randomUUID();
    static final String EVALUATOR_PASSWORD = "evaluator-password-" + UUID.randomUUID();

    private static SystemUnderTest instance;
    private static SystemUnderTest cluster;

    /** Who runs the portal, as a deployment sets it; the browser tests read it in the footer. */
    /** The operator's Prometheus's secret: /actuator/prometheus answers only it (ScrapeGuard). */
    public static final String SCRAPE_TOKEN = "scrape-token-of-the-system-tests";

    public static final Map<String, String> OPERATOR = Map.of("GV_OPERATOR_NAME", "Centar za transfer tehnologija (test)",
            "GV_OPERATOR_ADDRESS", "Kneza Miloša 1, 11000 Beograd", "GV_OPERATOR_EMAIL", "vauceri@example.rs",
            "GV_OPERATOR_PHONE", "+381 11 000 0000", "GV_SCHEME_FUNDER", "Fond za inovacionu delatnost (test)");

    final HttpApi core;
    final HttpApi evaluation;
    final HttpApi notification;
    final GreenMail smtp;
    final PostgresServer postgres;
    final KafkaBrokers kafka;
    /** The portal (web-ui), for the browser tests. */
    String webUrl;

    private final Map<String, ServiceProcess> processes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, HttpApi> clients = new java.util.concurrent.ConcurrentHashMap<>(); // one HTTP client per instance
    private final Map<String, Integer> secondPorts = new HashMap<>(); // chosen before the first instances start
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private Path root;
    private Path logs;

    /** Every call the portal made to a service, as it logged it (GV_WEB_EXCHANGE_LOG). */
    Path portalExchanges() {
        return Path.of(environments.get("web-ui").get("GV_WEB_EXCHANGE_LOG"));
    }

    /** The base address of each service the portal calls, by the portal's name for it. */
    /** Where the processes of this system write their logs (one file each). */
    Path logs() {
        return logs;
    }

    Map<String, String> serviceBases() {
        return Map.of("CORE", "http://127.0.0.1:" + ports.get("application-core"),
                "EVALUATION", "http://127.0.0.1:" + ports.get("evaluation-service"),
                "NOTIFICATION", "http://127.0.0.1:" + ports.get("notification-service"));
    }

    private SystemUnderTest(HttpApi core, HttpApi evaluation, HttpApi notification, GreenMail smtp,
                            PostgresServer postgres, KafkaBrokers kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.core = core;
        this.evaluation = evaluation;
        this.notification = notification;
        this.smtp = smtp;
    }

    static synchronized SystemUnderTest get() {
        if (instance == null) {
            instance = start(TestInfrastructure.postgres(), TestInfrastructure.kafka(), Path.of("target", "system-logs"), Map.of(), true, false);
        }
        return instance;
    }

    /**
     * The system of the API tests and, last, the fault suite: the production topology ({@link #cluster()}), beside the
     * browser tests' ({@link #get()}).
     */
    static SystemUnderTest api() {
        return cluster();
    }

    /** The services' settings of the production topology (docker-compose.yml must say the same: ClusterFaultsIT). */
    static final Map<String, String> CLUSTER_SETTINGS = Map.of("GV_KAFKA_REPLICAS", "3");

    /**
     * The production topology (ClusterFaultsIT): three Kafka nodes ({@link rs.greenvoucher.infra.KafkaCluster}), Debian's
     * PostgreSQL server with the roles of deploy/postgres-init.sh, two instances of each service, and the portal in
     * front of both. Its logs in system-logs/cluster (the second instances' in system-logs/cluster/second).
     */
    static synchronized SystemUnderTest cluster() {
        if (cluster == null) {
            Path root = Path.of("").toAbsolutePath().getParent();
            Path logs = Path.of("target", "system-logs", "cluster").toAbsolutePath();
            rs.greenvoucher.infra.KafkaCluster kafka = TestInfrastructure.newKafkaCluster();
            PostgresServer pg = TestInfrastructure.newPostgresServer(root.resolve("deploy/postgres-init.sh"), logs.resolve("postgres.log"));
            cluster = start(pg, kafka, logs, CLUSTER_SETTINGS, true, true);
            List.of("application-core", "evaluation-service", "notification-service").parallelStream().forEach(cluster::startSecondInstance);
        }
        return cluster;
    }

    private static SystemUnderTest start(PostgresServer pg, KafkaBrokers kafka, Path logDir, Map<String, String> settings, boolean portal,
                                         boolean twoOfEach) {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path logs = logDir.toAbsolutePath();
        GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        int corePort = FreePorts.next();
        int evaluationPort = FreePorts.next();
        int notificationPort = FreePorts.next();
        int webPort = FreePorts.next();
        Map<String, String> common = new HashMap<>();
        common.put("GV_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // with two instances of core the services learn its keys from either (the second's port is chosen now)
        Map<String, Integer> secondPorts = new HashMap<>();
        if (twoOfEach) {
            for (String module : List.of("application-core", "evaluation-service", "notification-service")) {
                secondPorts.put(module, FreePorts.next());
            }
        }
        common.put("GV_JWKS_URI", "http://127.0.0.1:" + corePort + "/.well-known/jwks.json"
                + (twoOfEach ? ",http://127.0.0.1:" + secondPorts.get("application-core") + "/.well-known/jwks.json" : ""));
        // the suites sign up hundreds of applicants from one address and keep their tokens for minutes;
        // throttling and token lifetimes have their own tests (ThrottlingIT, AccountSecurityIT)
        common.put("GV_THROTTLE_ANONYMOUS_PER_ADDRESS", "1000000/PT1M");
        common.put("GV_THROTTLE_SIGN_IN_PER_ADDRESS", "1000000/PT1M");
        common.put("GV_THROTTLE_SIGN_UP_PER_ADDRESS", "1000000/PT1M");
        common.put("GV_ACCESS_TOKEN_LIFETIME", "PT1H");
        common.put("GV_METRICS_SCRAPE_TOKEN", SCRAPE_TOKEN);
        common.put("GV_OPEN_APPLICATIONS_PER_ACCOUNT", "100000");
        // the portal calls the APIs for its visitors, from this machine
        common.put("GV_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        common.putAll(settings);

        Map<String, String> coreEnv = new HashMap<>(common);
        coreEnv.put("GV_CORE_PORT", Integer.toString(corePort));
        coreEnv.putAll(pg.login("GV_CORE_DB", "gv_core"));
        coreEnv.put("GV_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        coreEnv.put("GV_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        coreEnv.put("GV_VERIFICATION_LINK", "http://127.0.0.1:" + webPort + "/confirm-email?token=");
        // the signing key survives a restart of core (the fault tests kill it), so the tokens already handed out stay valid
        coreEnv.put("GV_JWT_PRIVATE_KEY_FILE", logs.resolve("jwt-" + UUID.randomUUID() + ".pem").toString());
        coreEnv.put("GV_LOG_SIGNING_KEY_FILE", logs.resolve("log-key-" + UUID.randomUUID() + ".pem").toString());
        // hundreds of throwaway accounts: bcrypt at its lowest cost (production's default is 11)
        coreEnv.put("GV_PASSWORD_HASH_COST", "4");
        Map<String, String> evaluationEnv = new HashMap<>(common);
        evaluationEnv.put("GV_EVALUATION_PORT", Integer.toString(evaluationPort));
        evaluationEnv.putAll(pg.login("GV_EVALUATION_DB", "gv_evaluation"));
        Map<String, String> notificationEnv = new HashMap<>(common);
        notificationEnv.put("GV_NOTIFICATION_PORT", Integer.toString(notificationPort));
        notificationEnv.put("GV_LOG_FORMAT", "json");
        notificationEnv.putAll(pg.login("GV_NOTIFICATION_DB", "gv_notification"));
        notificationEnv.put("GV_SMTP_HOST", "127.0.0.1");
        notificationEnv.put("GV_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        notificationEnv.put("GV_PORTAL_URL", "http://127.0.0.1:" + webPort);

        ServiceProcess core = ServiceProcess.start(root, "application-core", corePort, coreEnv, logs);
        ServiceProcess evaluation = ServiceProcess.start(root, "evaluation-service", evaluationPort, evaluationEnv, logs);
        ServiceProcess notification = ServiceProcess.start(root, "notification-service", notificationPort, notificationEnv, logs);
        Map<String, String> webEnv = new HashMap<>();
        webEnv.put("GV_WEB_PORT", Integer.toString(webPort));
        webEnv.put("GV_METRICS_SCRAPE_TOKEN", SCRAPE_TOKEN);
        // two of the four processes log JSON lines (docs/operations.md), so that the option is run, not only written
        webEnv.put("GV_LOG_FORMAT", "json");
        webEnv.putAll(OPERATOR);
        // and the second instances, once they are up (until then the portal passes over them: ServiceHttp)
        java.util.function.BiFunction<ServiceProcess, String, String> urls = (first, module) -> first.baseUrl()
                + (secondPorts.containsKey(module) ? ",http://127.0.0.1:" + secondPorts.get(module) : "");
        webEnv.put("GV_CORE_URL", urls.apply(core, "application-core"));
        webEnv.put("GV_EVALUATION_URL", urls.apply(evaluation, "evaluation-service"));
        webEnv.put("GV_NOTIFICATION_URL", urls.apply(notification, "notification-service"));
        webEnv.put("GV_WEB_EXCHANGE_LOG", logs.resolve("portal-exchanges-" + webPort + ".jsonl").toString());
        ServiceProcess web = portal ? ServiceProcess.start(root, "web-ui", webPort, webEnv, logs) : null;
        SystemUnderTest system = new SystemUnderTest(new HttpApi(core.baseUrl(), kafka.bootstrapServers()), new HttpApi(evaluation.baseUrl()),
                new HttpApi(notification.baseUrl()), smtp, pg, kafka);
        system.root = root;
        system.logs = logs;
        system.secondPorts.putAll(secondPorts);
        system.register("application-core", core, corePort, coreEnv);
        system.register("evaluation-service", evaluation, evaluationPort, evaluationEnv);
        system.register("notification-service", notification, notificationPort, notificationEnv);
        if (web != null) {
            system.register("web-ui", web, webPort, webEnv);
            system.webUrl = web.baseUrl();
        }
        // the tests are over: kill the services at once rather than wait up to 30 s each for a graceful stop while the
        // broker's own shutdown hook takes Kafka away from under them (Surefire gives the JVM 30 s to exit)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.processes.values().parallelStream().forEach(ServiceProcess::kill);
            smtp.stop();
        }));
        core.awaitHealthy(Duration.ofMinutes(3));
        evaluation.awaitHealthy(Duration.ofMinutes(3));
        notification.awaitHealthy(Duration.ofMinutes(3));
        if (web != null) {
            web.awaitHealthy(Duration.ofMinutes(3));
        }

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
                 "maxVoucherEur":20000,"maxSharePercent":90,"completionMonths":6}"""); // as api-contract.md opens a call: no documents required
        if (evaluator.status() != 201 || evaluator2.status() != 201 || manager.status() != 201 || call.status() != 201) {
            throw new IllegalStateException("set-up failed: " + evaluator.body() + " " + call.body());
        }
        return system;
    }

    private void register(String module, ServiceProcess process, int port, Map<String, String> env) {
        processes.put(module, process);
        ports.put(module, port);
        environments.put(module, env);
    }

    /** The settings the process {@code name} (module, or module#2) was started with. */
    Map<String, String> environment(String name) {
        return environments.get(name);
    }

    /** Every killed process started again, second instances included (the production topology keeps them). */
    void restartKilled() {
        List.copyOf(processes.keySet()).parallelStream().filter(name -> !processes.get(name).isAlive()).forEach(this::restart);
    }

    /** kill -9 of one service (application-core, evaluation-service or notification-service; module#2 its second instance). */
    void kill(String module) {
        processes.get(module).kill();
    }

    /**
     * Starts a killed service (or its second instance, {@code module#2}) again on the same port, database and topics,
     * and waits until it is healthy.
     */
    void restart(String name) {
        boolean second = name.endsWith("#2");
        ServiceProcess process = ServiceProcess.start(root, second ? name.substring(0, name.length() - 2) : name, ports.get(name),
                environments.get(name), second ? logs.resolve("second") : logs);
        try {
            process.awaitHealthy(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
        // in the list once it serves, as a load balancer's health check would put it back
        processes.put(name, process);
    }

    /**
     * Starts a killed service again with these settings changed (a null value removes one); they stay for its later
     * restarts until changed back.
     */
    void restart(String module, Map<String, String> changed) {
        Map<String, String> env = new HashMap<>(environments.get(module));
        changed.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        environments.put(module, env);
        restart(module);
    }

    /**
     * Whatever a fault test left behind is put right, so that a failure there is its own and not every later test's:
     * second instances stopped, any killed service started again.
     */
    void heal() {
        for (String module : List.copyOf(processes.keySet())) {
            if (module.endsWith("#2")) {
                stopSecondInstance(module.substring(0, module.length() - 2));
            } else if (!processes.get(module).isAlive()) {
                restart(module);
            }
        }
    }

    /** A second instance of a service on a port of its own, same database and consumer groups. */
    void startSecondInstance(String module) {
        Integer planned = secondPorts.get(module);
        int port = planned != null ? planned : FreePorts.next();
        Map<String, String> env = new HashMap<>(environments.get(module));
        env.replaceAll((k, v) -> k.endsWith("_PORT") && v.equals(Integer.toString(ports.get(module))) ? Integer.toString(port) : v);
        ServiceProcess second = ServiceProcess.start(root, module, port, env, logs.resolve("second"));
        register(module + "#2", second, port, env);
        second.awaitHealthy(Duration.ofMinutes(3));
    }

    /** A client of each live instance of the service (its first, and its second while there is one). */
    List<HttpApi> instances(String module) {
        List<HttpApi> live = new java.util.ArrayList<>();
        for (String name : List.of(module, module + "#2")) {
            ServiceProcess process = processes.get(name);
            if (process != null && process.isAlive()) {
                live.add(clients.computeIfAbsent(process.baseUrl(), HttpApi::new));
            }
        }
        return live;
    }

    /** A client of a live instance of the service: the first, or the second while the first is dead. */
    HttpApi live(String module) {
        ServiceProcess first = processes.get(module);
        ServiceProcess process = first.isAlive() || !processes.containsKey(module + "#2") ? first : processes.get(module + "#2");
        return clients.computeIfAbsent(process.baseUrl(), HttpApi::new);
    }

    void stopSecondInstance(String module) {
        ServiceProcess second = processes.remove(module + "#2");
        ports.remove(module + "#2"); // its settings stay known (ClusterFaultsIT compares them with docker-compose.yml)
        if (second != null) {
            second.close();
        }
    }

    /** Stops everything of this system: its services, mail server, broker and database. */
    void stop() {
        processes.values().parallelStream().forEach(ServiceProcess::kill);
        smtp.stop();
        kafka.stop();
        postgres.close();
    }

    /** Signed in at a live instance of core (the cluster's run kills its first). */
    String adminToken() {
        return live("application-core").token(ADMIN, ADMIN_PASSWORD);
    }

    String evaluatorToken(String username) {
        return live("application-core").token(username, EVALUATOR_PASSWORD);
    }
}
