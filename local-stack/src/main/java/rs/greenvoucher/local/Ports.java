package rs.greenvoucher.local;

import rs.greenvoucher.infra.FreePorts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every port of the local stack, from the environment or the default. */
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

    /** The portal's settings: the services' addresses, and who runs it (a deployment's own; the demo's unless given). */
    static Map<String, String> webEnvironment(Ports ports) {
        Map<String, String> web = new LinkedHashMap<>();
        web.put("GV_WEB_PORT", Integer.toString(ports.web()));
        web.put("GV_CORE_URL", "http://127.0.0.1:" + ports.core());
        web.put("GV_EVALUATION_URL", "http://127.0.0.1:" + ports.evaluation());
        web.put("GV_NOTIFICATION_URL", "http://127.0.0.1:" + ports.notification());
        // who runs the portal: a deployment's own settings; the demo's, unless the environment gives them
        Map.of("GV_OPERATOR_NAME", "Demo operater programa Zeleni vaučer", "GV_OPERATOR_ADDRESS", "Primer ulica 1, 11000 Beograd",
                "GV_OPERATOR_EMAIL", "vauceri@example.rs", "GV_OPERATOR_PHONE", "+381 11 000 0000",
                "GV_SCHEME_FUNDER", "Demo fond za inovacije (primer)")
                .forEach((variable, demo) -> web.put(variable, System.getenv().getOrDefault(variable, demo)));
        return web;
    }
}
