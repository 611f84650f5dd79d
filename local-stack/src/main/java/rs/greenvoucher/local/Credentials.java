package rs.greenvoucher.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The local demo's credentials: made up on the first run (or taken from GV_BOOTSTRAP_ADMIN_*), kept in the data
 * directory with owner-only permissions so that a second run can still sign in, and printed. Nothing is built in.
 */
record Credentials(Properties values, Path file) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static Credentials load(Path file) throws IOException {
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            }
        }
        String envUser = System.getenv("GV_BOOTSTRAP_ADMIN_USERNAME");
        String envPassword = System.getenv("GV_BOOTSTRAP_ADMIN_PASSWORD");
        if (envUser != null && !envUser.isBlank() && envPassword != null && !envPassword.isBlank()) {
            values.setProperty("admin.username", envUser);
            values.setProperty("admin.password", envPassword);
        }
        values.putIfAbsent("admin.username", "admin");
        // the operator's Prometheus's secret for /actuator/prometheus (docs/operations.md)
        values.putIfAbsent("metrics.scrape-token", generate());
        values.putIfAbsent("admin.password", generate());
        for (String demo : new String[]{"evaluator", "evaluator2", "manager", "manager2", "applicant", "applicant2", "provider", "provider2"}) {
            values.putIfAbsent(demo + ".password", generate());
        }
        Credentials credentials = new Credentials(values, file);
        credentials.save();
        return credentials;
    }

    static String generate() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            values.store(out, "Green Voucher local demo credentials (made by ./run-local)");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    String adminUsername() {
        return values.getProperty("admin.username");
    }

    String metricsScrapeToken() {
        return values.getProperty("metrics.scrape-token");
    }

    String adminPassword() {
        return values.getProperty("admin.password");
    }

    String password(String demoAccount) {
        return values.getProperty(demoAccount + ".password");
    }
}
