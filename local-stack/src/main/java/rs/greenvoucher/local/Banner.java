package rs.greenvoucher.local;

import java.nio.file.Path;
import java.time.Duration;

/** What ./run-local says: each step, a failure, and once everything is up the portal's address first, then every other. */
final class Banner {

    private Banner() {
    }

    static void print(Ports ports, String kafka, Path dataDir, Credentials credentials, DemoData demo, Duration upAfter) {
        String core = "http://127.0.0.1:" + ports.core();
        StringBuilder out = new StringBuilder();
        out.append("\n================ Green Voucher is running (all services UP after ")
                .append(upAfter.toSeconds()).append(" s) ================\n");
        out.append("\n  Start here, the portal:  http://127.0.0.1:").append(ports.web()).append("/\n");
        out.append("  (Srpski / English; sign in with a demo account below)\n\n");
        out.append("application-core      ").append(core).append("   (Swagger UI: ").append(core).append("/swagger-ui.html)\n");
        out.append("evaluation-service    http://127.0.0.1:").append(ports.evaluation()).append("   (Swagger UI: /swagger-ui.html)\n");
        out.append("notification-service  http://127.0.0.1:").append(ports.notification()).append("   (Swagger UI: /swagger-ui.html)\n");
        out.append("mail catcher          http://127.0.0.1:").append(ports.smtpWeb()).append("   (SMTP on ").append(ports.smtp()).append(")\n");
        out.append("Kafka                 ").append(kafka).append("\n");
        out.append("PostgreSQL            jdbc:postgresql://127.0.0.1:").append(ports.postgres())
                .append("/{gv_core,gv_evaluation,gv_notification} (user postgres, local trust)\n");
        out.append("\nCredentials (kept in ").append(dataDir.resolve("credentials.properties")).append("):\n");
        out.append(String.format("  %-10s %-28s %s%n", "ADMIN", credentials.adminUsername(), credentials.adminPassword()));
        out.append(demo.summary());
        out.append("\nGet a token:  curl -s -X POST ").append(core)
                .append("/api/auth/token -H 'Content-Type: application/json' -d '{\"username\":\"")
                .append(credentials.adminUsername()).append("\",\"password\":\"").append(credentials.adminPassword()).append("\"}'\n");
        out.append("Metrics:      curl -s -u prometheus:").append(credentials.metricsScrapeToken()).append(' ').append(core)
                .append("/actuator/prometheus   (docs/operations.md)\n");
        out.append("Logs: ").append(dataDir.resolve("logs")).append("      Stop: Ctrl-C\n");
        System.out.println(out);
    }

    static void say(String message) {
        System.out.println("[run-local] " + message);
    }

    static void fail(String message) {
        System.err.println("[run-local] " + message);
        System.exit(1);
    }
}
