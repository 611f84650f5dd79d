package rs.greenvoucher.platform.axon;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import rs.greenvoucher.platform.faults.RetryLater;
import rs.greenvoucher.platform.jdbc.StatementWaves;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection's writes, sent to PostgreSQL a batch of events at a time. A rebuild spent most of its time on one round
 * trip per statement; here the statements of a processor's batch are kept until the batch commits and then sent in
 * waves of JDBC batches ({@link StatementWaves}); each statement names its key, what it changes.
 * <p>
 * Only while {@link SavepointPerHandler} runs its group's batch without savepoints: when a statement fails at the
 * commit, the group is made careful as for a failing handler and the batch retried, and in careful mode (and outside a
 * processor) every statement runs at once, so a failing event is parked alone as before.
 */
public final class ProjectionWrites {

    /** The unit of work's mark that its writes may wait for the commit, and who to tell when they fail. */
    static final String BATCHING = ProjectionWrites.class.getName() + ".batching";
    private static final String BATCH = ProjectionWrites.class.getName() + ".batch";

    static final int REPLAY_SEND_EVERY = 5_000;
    private static final ThreadLocal<StatementWaves> REPLAY = new ThreadLocal<>();

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectionWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the statement, now or with its batch; {@code key} names what it changes (a row's table and key). */
    public void update(Object key, String sql, SqlParameterSource params) {
        StatementWaves replay = REPLAY.get();
        if (replay != null) {
            replay.add(key, sql, params);
            if (replay.size() >= REPLAY_SEND_EVERY) {
                replay.send(jdbc);
            }
            return;
        }
        Batch batch = batch();
        if (batch == null) {
            jdbc.update(sql, params);
        } else {
            batch.add(key, sql, params);
        }
    }

    /**
     * Runs a replay outside a processor (the report as of an instant, into its temporary tables) with the statements of
     * {@link #update} sent in waves of JDBC batches, every {@value #REPLAY_SEND_EVERY} statements and at its end, in the
     * caller's transaction: one round trip per event was most of that replay's time. A failure fails the replay.
     * {@link #rows} is not batched there (null, as outside a processor).
     */
    public void replaying(Runnable replay) {
        StatementWaves waves = new StatementWaves();
        REPLAY.set(waves);
        try {
            replay.run();
            waves.send(jdbc);
        } finally {
            REPLAY.remove();
        }
    }

    /**
     * The batch's own memory for a projection's rows, which {@code store} turns into statements just before the batch's
     * statements are sent; null when writes go straight to the database (then the caller stores at once).
     */
    public <K, V> Map<K, V> rows(String name, java.util.function.Consumer<Map<K, V>> store) {
        Batch batch = batch();
        if (batch == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<K, V> rows = (Map<K, V>) batch.rows.computeIfAbsent(name, n -> {
            Map<K, V> fresh = new LinkedHashMap<>();
            batch.beforeSend.add(() -> store.accept(fresh));
            return fresh;
        });
        return rows;
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork.getResource(BATCHING) instanceof Batching batching)) {
            return null;
        }
        return unitOfWork.getOrComputeResource(BATCH, k -> {
            Batch fresh = new Batch();
            unitOfWork.onPrepareCommit(u -> {
                try {
                    fresh.send(jdbc);
                } catch (RuntimeException e) {
                    batching.failed().run();
                    throw new RetryLater("a statement of " + batching.group() + "'s batch failed; the batch is retried one event at a time", e);
                }
            });
            return fresh;
        });
    }

    /** Set by {@link SavepointPerHandler} on a batch it runs without savepoints. */
    record Batching(String group, Runnable failed) {
    }

    private static final class Batch {

        private final StatementWaves waves = new StatementWaves();
        private final Map<String, Map<?, ?>> rows = new HashMap<>();
        private final List<Runnable> beforeSend = new ArrayList<>();

        void add(Object key, String sql, SqlParameterSource params) {
            waves.add(key, sql, params);
        }

        void send(NamedParameterJdbcTemplate jdbc) {
            beforeSend.forEach(Runnable::run);
            waves.send(jdbc);
        }
    }
}
