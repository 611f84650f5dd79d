package rs.greenvoucher.infra;

import java.util.Map;

/** A PostgreSQL server a system under test runs on: embedded (zonky) or Debian's own server ({@link DebianPostgresServer}). */
public interface PostgresServer extends AutoCloseable {

    /** The address of a database on this server. */
    String jdbcUrl(String database);

    /** The superuser the tests look with (never a service's login). */
    String username();

    String password();

    /**
     * The settings a service logs in with ({@code <prefix>_URL}, and {@code _USERNAME}, {@code _PASSWORD} where the
     * server has a role per service); the database exists when this returns.
     */
    Map<String, String> login(String prefix, String database);

    /** kill -9 of the postmaster and every backend. */
    void kill();

    /** Starts it again on the same port and data after {@link #kill()}: PostgreSQL recovers from its WAL. */
    void restart();

    @Override
    void close();
}
