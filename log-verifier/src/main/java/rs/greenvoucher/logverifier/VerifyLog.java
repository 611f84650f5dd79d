package rs.greenvoucher.logverifier;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The auditor's command (tools/verify-log): checks a log read from a database or from an export against the
 * published key and heads, prints what it found, and exits 0 when the log is intact, 1 when it is not, 2 when it could
 * not be read.
 */
public final class VerifyLog {

    private static final String USAGE = """
            usage: verify-log (--export FILE | --jdbc URL [--user NAME] [--password-env VARIABLE])
                              [--key PUBLIC_KEY.pem]... [--heads HEADS.json]
              --export   a file from GET /api/admin/log/export
              --jdbc     a PostgreSQL database with core's tables (a restored dump, a read-only replica)
              --key      the log's published public key (Ed25519, PEM); without it the keys in the log are used
              --heads    the published heads (GET /api/log/heads, saved as JSON); without it the heads in the log are used""";

    private VerifyLog() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        List<Path> keyFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length || !List.of("--export", "--jdbc", "--user", "--password-env", "--key", "--heads").contains(name)) {
                err.println(USAGE);
                return 2;
            }
            String value = args[++i];
            if (name.equals("--key")) {
                keyFiles.add(Path.of(value));
            } else {
                options.put(name, value);
            }
        }
        if (options.containsKey("--export") == options.containsKey("--jdbc")) {
            err.println(USAGE);
            return 2;
        }
        try (LogSource source = open(options)) {
            Map<String, PublicKey> keys = null;
            if (!keyFiles.isEmpty()) {
                keys = new LinkedHashMap<>();
                for (Path file : keyFiles) {
                    PublicKey key = LogFormat.publicKeyFromPem(Files.readString(file));
                    keys.put(LogFormat.keyId(key), key);
                }
            }
            List<SignedHead> heads = null;
            if (options.containsKey("--heads")) {
                heads = LogJson.published(LogJson.JSON.readTree(Files.readString(Path.of(options.get("--heads"))))).heads();
            }
            Report report = Verifier.verify(source, keys, heads);
            print(report, out);
            return report.intact() ? 0 : 1;
        } catch (Exception e) {
            err.println("verify-log: the log could not be read: " + e.getMessage());
            return 2;
        }
    }

    private static LogSource open(Map<String, String> options) throws Exception {
        if (options.containsKey("--export")) {
            return new ExportLogSource(Path.of(options.get("--export")));
        }
        Properties properties = new Properties();
        if (options.containsKey("--user")) {
            properties.setProperty("user", options.get("--user"));
        }
        if (options.containsKey("--password-env")) {
            String password = System.getenv(options.get("--password-env"));
            if (password == null) {
                throw new IllegalArgumentException("the variable " + options.get("--password-env") + " is not set");
            }
            properties.setProperty("password", password);
        }
        return new JdbcLogSource(DriverManager.getConnection(options.get("--jdbc"), properties));
    }

    static void print(Report report, PrintStream out) {
        out.println("Green Voucher log (" + LogFormat.VERSION + "): " + report.entries() + " events in the chain, "
                + report.headsVerified() + " signed heads verified, " + report.unsealed() + " events not sealed yet");
        report.notes().forEach(note -> out.println("note: " + note));
        if (report.intact()) {
            out.println("INTACT: every event matches its hash, every link follows, every head matches");
            return;
        }
        out.println("NOT INTACT: " + report.findings().size() + " findings; the first:");
        out.println("  " + report.first());
        report.findings().stream().skip(1).limit(49).forEach(f -> out.println("  " + f));
        if (report.findings().size() > 50) {
            out.println("  ... and " + (report.findings().size() - 50) + " more");
        }
    }
}
