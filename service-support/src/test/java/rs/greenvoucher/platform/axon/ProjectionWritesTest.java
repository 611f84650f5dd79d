package rs.greenvoucher.platform.axon;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import rs.greenvoucher.platform.faults.RetryLater;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What reaches the database, and in which order, with and without a batch (the statements recorded, not run). */
class ProjectionWritesTest {

    /** Each call as "sql: id, id, ...". */
    private final List<String> sent = new ArrayList<>();
    private boolean failing;

    private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate()) {
        @Override
        public int update(String sql, SqlParameterSource params) {
            sent.add(sql + ": " + params.getValue("id"));
            return 1;
        }

        @Override
        public int[] batchUpdate(String sql, SqlParameterSource[] batch) {
            if (failing) {
                throw new DataIntegrityViolationException("refused");
            }
            sent.add(sql + ": " + String.join(", ", Arrays.stream(batch).map(p -> String.valueOf(p.getValue("id"))).toList()));
            return new int[batch.length];
        }
    };
    private final ProjectionWrites writes = new ProjectionWrites(jdbc);

    @AfterEach
    void noUnitOfWorkLeft() {
        while (org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void outsideABatchEachStatementRunsAtOnce() {
        writes.update("a", "insert a", id("a1"));
        assertThat(sent).containsExactly("insert a: a1");
        assertThat(writes.<String, String>rows("view", rows -> sent.add("stored"))).isNull();
    }

    @Test
    void aUnitOfWorkNotMarkedForBatchingRunsEachStatementAtOnce() {
        DefaultUnitOfWork.startAndGet(null);
        writes.update("a", "insert a", id("a1"));
        assertThat(sent).containsExactly("insert a: a1");
    }

    @Test
    void inABatchNothingIsSentBeforeTheCommitAndThenEachKeysStatementsInTheirOrder() {
        UnitOfWork<?> batch = batch(new AtomicBoolean());
        writes.update("a", "insert", id("a"));
        writes.update("a", "screen", id("a"));
        writes.update("b", "insert", id("b"));
        writes.update("a", "approve", id("a"));
        writes.update("b", "reject", id("b"));
        writes.update("c", "insert", id("c"));
        assertThat(sent).isEmpty();

        batch.commit();

        // wave 1: the first statement of each key, one call per text; wave 2: the second of each; wave 3: a's third
        assertThat(sent).containsExactly("insert: a, b, c", "screen: a", "reject: b", "approve: a");
    }

    @Test
    void aProjectionsRowsInTheBatchAreStoredOnceWhenItCommits() {
        UnitOfWork<?> batch = batch(new AtomicBoolean());
        Map<String, Integer> rows = writes.rows("view", stored -> stored.forEach((id, version) ->
                writes.update(id, "upsert v" + version, id(id))));
        rows.put("x", 1);
        writes.update("y", "insert", id("y"));
        assertThat(writes.<String, Integer>rows("view", stored -> sent.add("a second store"))).isSameAs(rows);
        rows.put("x", 2);

        batch.commit();

        // the row's last state, once; different keys, so in either order
        assertThat(sent).containsExactlyInAnyOrder("upsert v2: x", "insert: y");
    }

    @Test
    void aStatementRefusedAtTheCommitMakesTheGroupCarefulAndTheBatchIsRetried() {
        AtomicBoolean careful = new AtomicBoolean();
        UnitOfWork<?> batch = batch(careful);
        writes.update("a", "insert", id("a"));
        failing = true;

        assertThatThrownBy(batch::commit).isInstanceOf(RetryLater.class).hasRootCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(careful).isTrue();
    }

    @Test
    void aReplaysStatementsGoInWavesAtItsEndAndEveryFewThousandOnTheWay() {
        writes.replaying(() -> {
            writes.update("a", "insert", id("a"));
            writes.update("a", "screen", id("a"));
            writes.update("b", "insert", id("b"));
            assertThat(sent).isEmpty();
        });
        assertThat(sent).containsExactly("insert: a, b", "screen: a");

        sent.clear();
        writes.replaying(() -> {
            for (int i = 0; i < ProjectionWrites.REPLAY_SEND_EVERY; i++) {
                writes.update(i, "insert", id(String.valueOf(i)));
            }
            assertThat(sent).hasSize(1);
            writes.update("last", "insert", id("last"));
        });
        assertThat(sent).hasSize(2).last().isEqualTo("insert: last");

        sent.clear();
        writes.update("after", "insert", id("after"));
        assertThat(sent).as("after the replay, at once again").containsExactly("insert: after");
    }

    private static UnitOfWork<?> batch(AtomicBoolean careful) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.resources().put(ProjectionWrites.BATCHING, new ProjectionWrites.Batching("report", () -> careful.set(true)));
        return unitOfWork;
    }

    private static MapSqlParameterSource id(String id) {
        return new MapSqlParameterSource("id", id);
    }
}
