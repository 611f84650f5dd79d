package rs.greenvoucher.platform.axon;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import rs.greenvoucher.platform.faults.RetryLater;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection's writes, sent to PostgreSQL a batch of events at a time. A rebuild spent most of its time on one round
 * trip per statement; here the statements of a processor's batch are kept until the batch commits and then sent as JDBC
 * batches, one per statement text (the driver sends a JDBC batch without waiting for each answer).
 * <p>
 * Each statement names its key, what it changes (a row): statements of one key run in the order they were made, those of
 * different keys in any order. So the statements are sent in waves, the first of each key, then the second of each
 * key, and so on, each wave one JDBC batch per statement text: a batch of 500 events of a hundred applications is about
 * twenty round trips instead of six hundred.
 * <p>
 * Only while {@link SavepointPerHandler} runs its group's batch without savepoints: when a statement fails at the
 * commit, the group is made careful as for a failing handler and the batch retried, and in careful mode (and outside a
 * processor) every statement runs at once, so a failing event is parked alone as before.
 */
public final class ProjectionWrites {

    /** The unit of work's mark that its writes may wait for the commit, and who to tell when they fail. */
    static final String BATCHING = ProjectionWrites.class.getName() + ".batching";
    private static final String BATCH = ProjectionWrites.class.getName() + ".batch";

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectionWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the statement, now or with its batch; {@code key} names what it changes (a row's table and key). */
    public void update(Object key, String sql, SqlParameterSource params) {
        Batch batch = batch();
        if (batch == null) {
            jdbc.update(sql, params);
        } else {
            batch.add(key, sql, params);
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

        private final Map<Object, Integer> lastWave = new HashMap<>();
        private final List<Map<String, List<SqlParameterSource>>> waves = new ArrayList<>();
        private final Map<String, Map<?, ?>> rows = new HashMap<>();
        private final List<Runnable> beforeSend = new ArrayList<>();

        void add(Object key, String sql, SqlParameterSource params) {
            int wave = lastWave.merge(key, 0, (last, first) -> last + 1);
            if (waves.size() == wave) {
                waves.add(new LinkedHashMap<>());
            }
            waves.get(wave).computeIfAbsent(sql, s -> new ArrayList<>()).add(params);
        }

        void send(NamedParameterJdbcTemplate jdbc) {
            beforeSend.forEach(Runnable::run);
            for (Map<String, List<SqlParameterSource>> wave : waves) {
                wave.forEach((sql, params) -> jdbc.batchUpdate(sql, params.toArray(SqlParameterSource[]::new)));
            }
        }
    }
}
