package rs.greenvoucher.logverifier;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The log in a PostgreSQL database: core's own (read-only is enough) or a dump of it restored anywhere. Reads in one
 * repeatable-read transaction, so links, events and heads are of one moment.
 */
public final class JdbcLogSource implements LogSource {

    static final String ENTRIES = """
            select c.position, c.global_index, c.event_hash, c.chain_hash, e.global_index as present,
                   e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp,
                   e.payload_type, e.payload_revision, e.payload, e.meta_data
            from log_chain c left join domain_event_entry e on e.global_index = c.global_index
            order by c.position""";

    private final Connection connection;

    public JdbcLogSource(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    @Override
    public void entries(Consumer<ChainEntry> each) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ENTRIES)) {
            statement.setFetchSize(500);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    each.accept(entry(r));
                }
            }
        }
    }

    static ChainEntry entry(ResultSet r) throws SQLException {
        StoredEvent event = null;
        r.getLong("present");
        if (!r.wasNull()) {
            event = new StoredEvent(r.getLong("present"), r.getString("event_identifier"), r.getString("aggregate_identifier"),
                    r.getLong("sequence_number"), r.getString("type"), r.getString("time_stamp"), r.getString("payload_type"),
                    r.getString("payload_revision"), r.getBytes("payload"), r.getBytes("meta_data"));
        }
        return new ChainEntry(r.getLong("position"), r.getLong("global_index"), r.getBytes("event_hash"),
                r.getBytes("chain_hash"), event);
    }

    @Override
    public List<SignedHead> heads() throws SQLException {
        List<SignedHead> heads = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery(
                     "select position, events, chain_hash, signed_at, key_id, signature from log_head order by position")) {
            while (r.next()) {
                heads.add(new SignedHead(r.getLong(1), r.getLong(2), LogFormat.hex(r.getBytes(3)),
                        signedAt(r.getObject(4, OffsetDateTime.class)), r.getString(5), Base64.getEncoder().encodeToString(r.getBytes(6))));
            }
        }
        return heads;
    }

    /** How a head's time is written in what is signed: ISO-8601 in UTC, to the second. */
    public static String signedAt(OffsetDateTime at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.toInstant());
    }

    @Override
    public Map<String, PublicKey> keys() throws SQLException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("select key_id, public_key from log_key order by created_at")) {
            while (r.next()) {
                keys.put(r.getString(1), LogFormat.publicKeyFromPem(r.getString(2)));
            }
        }
        return keys;
    }

    @Override
    public long unsealed() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("""
                     select count(*) from domain_event_entry e
                     where not exists (select 1 from log_chain c where c.global_index = e.global_index)""")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
