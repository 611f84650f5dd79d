package rs.greenvoucher.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server from zonky's bundled binaries; keeps its data when given a directory. */
public final class EmbeddedPostgresServer implements PostgresServer {

    private EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean keepData;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean keepData) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.keepData = keepData;
    }

    /**
     * Starts the server; without {@code keepData} the directory is fresh and removed on {@link #close()} (by this
     * class, not by zonky, so that a {@link #kill()} and {@link #restart()} keep the data in between).
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir, boolean keepData) {
        return new EmbeddedPostgresServer(launch(port, dataDir, keepData), dataDir, keepData);
    }

    /** kill -9 of the postmaster and every backend: no checkpoint, no goodbye to the clients. */
    @Override
    public synchronized void kill() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("data").resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
            postgres.close(); // its "stop" fails (nothing to stop); it frees the data directory's lock for the restart
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port and data, after {@link #kill()}: PostgreSQL recovers from its WAL. */
    @Override
    public synchronized void restart() {
        int port = postgres.getPort();
        try {
            Files.deleteIfExists(dataDir.resolve("data").resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = launch(port, dataDir, keepData);
    }

    private static EmbeddedPostgres launch(int port, Path dataDir, boolean keepData) {
        // the local stack keeps its data, and a benchmark measures what production pays: both write to disk for real
        boolean durable = keepData || Boolean.getBoolean("gv.postgres.durable");
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setOverrideWorkingDirectory(binaries(dataDir, keepData).toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    // a commit is in the OS before it is acknowledged, so a kill -9 of PostgreSQL loses nothing acknowledged
                    // (fsync stays off in tests: the OS itself does not crash)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /**
     * Where zonky extracts the binaries. zonky prepares them once per JVM and hands every later server the same
     * directory, so the tests' servers share one beside their data directories: a server's close deletes its data,
     * never the binaries another server still runs on (it did, and the fault suite's system took the time zones from
     * under the shared one). The local run keeps its binaries with its data.
     */
    private static Path binaries(Path dataDir, boolean keepData) {
        return keepData || dataDir.getParent() == null ? dataDir.resolve("bin") : dataDir.getParent().resolve("pg-binaries");
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** No password: the embedded server trusts local connections. */
    public String password() {
        return "";
    }

    /** The superuser: the embedded server has no roles of its own (the Debian server's test has them). */
    public java.util.Map<String, String> login(String prefix, String database) {
        createDatabase(database);
        return java.util.Map.of(prefix + "_URL", jdbcUrl(database));
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            if (!keepData) {
                try (var files = Files.walk(dataDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
