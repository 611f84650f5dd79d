package rs.greenvoucher.evaluation.queue;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.platform.jdbc.StatementWaves;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Where the work queue's statements go and where an item's last sequence is read: the database now ({@link Now}), or
 * a rebuild's memory ({@link Rebuilding}). A statement's key is the UUID of the row it changes (an application's
 * item, a decision, an event): never equal.
 */
sealed interface QueueWrites {

    String PROCESSED = "insert into processed_event (event_id, processed_at) values (:id, now()) on conflict do nothing";

    /** Records the event as processed; false if it was already. */
    boolean firstTime(UUID eventId);

    /** The last sequence the item has applied (locked for this transaction); null if there is no item. */
    Long lastSequence(UUID applicationId);

    /** The item has applied this event (or, for a submission, has it if it had none). */
    void applied(UUID applicationId, long sequence, boolean submitted);

    void write(Object key, String sql, MapSqlParameterSource params);

    /** The item's copy of the application as stored now. */
    String application(UUID applicationId);

    /** What the item's auto-checks are computed on besides the form: the call's money rules and the day of submission. */
    String checksBasis(UUID applicationId);

    private static String basis(JdbcClient jdbc, UUID applicationId) {
        return jdbc.sql("select money_rules::text from work_item where application_id = :id")
                .param("id", applicationId).query(String.class).optional().orElse(null);
    }

    private static String stored(JdbcClient jdbc, UUID applicationId) {
        return jdbc.sql("select application::text from work_item where application_id = :id")
                .param("id", applicationId).query(String.class).single();
    }

    /** The consumer's: every statement at once; the statements themselves set the items' last sequence. */
    record Now(JdbcClient jdbc, NamedParameterJdbcTemplate named) implements QueueWrites {

        public boolean firstTime(UUID eventId) {
            return jdbc.sql(PROCESSED).param("id", eventId).update() == 1;
        }

        public Long lastSequence(UUID applicationId) {
            return jdbc.sql("select last_sequence from work_item where application_id = :id for update")
                    .param("id", applicationId).query(Long.class).optional().orElse(null);
        }

        public void applied(UUID applicationId, long sequence, boolean submitted) {
        }

        public void write(Object key, String sql, MapSqlParameterSource params) {
            named.update(sql, params);
        }

        public String application(UUID applicationId) {
            return stored(jdbc, applicationId);
        }

        public String checksBasis(UUID applicationId) {
            return basis(jdbc, applicationId);
        }
    }

    /**
     * A rebuild's: the items' sequences in memory (the rebuild locked the emptied tables, nothing else writes), the
     * statements kept and sent in waves every {@link #SEND_EVERY} statements and at the end. Redelivered events are
     * told apart by their sequence, as in the consumer's; each is still recorded as processed.
     */
    final class Rebuilding implements QueueWrites {

        static final int SEND_EVERY = 5_000;

        private final Map<UUID, Long> sequences = new HashMap<>();
        private final StatementWaves waves = new StatementWaves();
        private final NamedParameterJdbcTemplate named;
        private final JdbcClient jdbc;
        private final BiConsumer<EventEnvelope, QueueWrites> queue;

        Rebuilding(NamedParameterJdbcTemplate named, JdbcClient jdbc, BiConsumer<EventEnvelope, QueueWrites> queue) {
            this.named = named;
            this.jdbc = jdbc;
            this.queue = queue;
        }

        void apply(EventEnvelope e) {
            queue.accept(e, this);
            if (waves.size() >= SEND_EVERY) {
                send();
            }
        }

        void send() {
            waves.send(named);
        }

        public boolean firstTime(UUID eventId) {
            waves.add(eventId, PROCESSED, new MapSqlParameterSource("id", eventId));
            return true;
        }

        public Long lastSequence(UUID applicationId) {
            return sequences.get(applicationId);
        }

        public void applied(UUID applicationId, long sequence, boolean submitted) {
            if (submitted) {
                sequences.putIfAbsent(applicationId, sequence);
            } else {
                sequences.put(applicationId, sequence);
            }
        }

        public void write(Object key, String sql, MapSqlParameterSource params) {
            waves.add(key, sql, params);
        }

        public String application(UUID applicationId) {
            send();
            return stored(jdbc, applicationId);
        }

        public String checksBasis(UUID applicationId) {
            send();
            return basis(jdbc, applicationId);
        }
    }
}
