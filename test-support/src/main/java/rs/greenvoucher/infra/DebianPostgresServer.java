package rs.greenvoucher.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server as production runs one: Debian's own {@code postgresql} binaries (not the embedded ones), its
 * own data directory, run as the {@code postgres} user (PostgreSQL refuses root), password logins only, fsync on. The
 * roles and databases are made by {@code deploy/postgres-init.sh} itself, as the compose file's server makes them: one
 * login role per service owning only its own database, so the services run with exactly the grants they will have.
 */
public final class DebianPostgresServer implements PostgresServer {

    private static final String SUPERUSER = "postgres";

    private final Path home;
    private final Path bin;
    private final int port;
    private final Path log;
    private final String superuserPassword = UUID.randomUUID().toString();
    private final Map<String, String> rolePasswords = new HashMap<>();
    private Process process;

    private DebianPostgresServer(Path bin, Path home, int port, Path log) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.log = log;
    }

    /** initdb, start, and the roles of {@code initScript}; its log goes to {@code log}. */
    public static DebianPostgresServer start(Path initScript, Path log) {
        Path bin = binaries();
        try {
            // under the system's temporary directory: the postgres user must be able to reach it, whoever owns the build
            Path home = Files.createTempDirectory("gv-postgres-");
            DebianPostgresServer server = new DebianPostgresServer(bin, home, FreePorts.next(), log);
            server.initialise();
            server.launch();
            server.roles(initScript);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest server of Debian's postgresql package (system-tests/ensure-postgresql.sh installs it when missing). */
    static Path binaries() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Debian's PostgreSQL server is not installed (apt-get install postgresql): "
                    + "system-tests/ensure-postgresql.sh installs it", e);
        }
    }

    private void initialise() throws IOException {
        Path password = home.resolve("superuser-password");
        Files.writeString(password, superuserPassword);
        ownedByPostgres(home);
        ownedByPostgres(password);
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", SUPERUSER, "--pwfile=" + password,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"), Map.of());
        Files.delete(password);
    }

    private synchronized void launch() {
        try {
            Files.deleteIfExists(data().resolve("postmaster.pid")); // a killed server's: no process of it is left
            List<String> command = asPostgres(List.of(bin.resolve("postgres").toString(), "-D", data().toString(),
                    "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + home,
                    "-c", "max_connections=300", "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "shared_buffers=128MB"));
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superuserPassword)) {
                    return;
                } catch (java.sql.SQLException notYet) {
                    if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("PostgreSQL did not start, see " + log, notYet);
                    }
                    Thread.sleep(100); // polling a child process' readiness, not a test wait
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** deploy/postgres-init.sh, run as the compose file's postgres image runs it, with a fresh password per role. */
    private void roles(Path initScript) {
        Map<String, String> env = new HashMap<>();
        for (String service : List.of("CORE", "EVALUATION", "NOTIFICATION")) {
            String password = UUID.randomUUID().toString();
            env.put("GV_" + service + "_DB_PASSWORD", password);
            rolePasswords.put("gv_" + service.toLowerCase(), password);
        }
        env.put("POSTGRES_USER", SUPERUSER);
        env.put("PGHOST", "127.0.0.1");
        env.put("PGPORT", Integer.toString(port));
        env.put("PGPASSWORD", superuserPassword);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        run(List.of("bash", initScript.toString()), env);
    }

    private void run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(env.isEmpty() ? asPostgres(command) : command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(List<String> command) {
        if (!root()) {
            return command;
        }
        List<String> as = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        as.addAll(command);
        return as;
    }

    private static void ownedByPostgres(Path path) throws IOException {
        if (root()) {
            UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, users.lookupPrincipalByName("postgres"));
        }
    }

    private Path data() {
        return home.resolve("data");
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return superuserPassword;
    }

    /** The service's own role and password, made by the init script (the database is named after the role). */
    @Override
    public Map<String, String> login(String prefix, String database) {
        String password = rolePasswords.get(database);
        if (password == null) {
            throw new IllegalArgumentException("deploy/postgres-init.sh makes no role for " + database);
        }
        return Map.of(prefix + "_URL", jdbcUrl(database), prefix + "_USERNAME", database, prefix + "_PASSWORD", password);
    }

    /** kill -9 of the postmaster and every backend: no checkpoint, no goodbye to the clients. */
    @Override
    public synchronized void kill() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
                postmaster.destroyForcibly();
                all.forEach(ProcessHandle::destroyForcibly);
                postmaster.onExit().join();
                all.forEach(p -> p.onExit().join());
            });
            if (process != null) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void restart() {
        launch();
    }

    public int port() {
        return port;
    }

    /** The server's major version (15 on Debian 12), as its binaries' directory names it. */
    public String version() {
        return bin.getParent().getFileName().toString();
    }

    @Override
    public void close() {
        kill();
        try (var files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
