package rs.greenvoucher.evaluation.queue;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.kafka.DeadLetterTopics;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.platform.kafka.KafkaKeyRing;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import rs.greenvoucher.platform.kafka.WholeTopicReaders;
import rs.greenvoucher.platform.refusal.Refusal;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The work queue built again from {@code gv.application.events}, which keeps every event (its retention is unlimited;
 * personal fields on it are sealed, and erased by deleting their key, docs/adr/0011). For a queue that was lost or
 * damaged, or changed by a new version of {@link WorkQueue}.
 * <p>
 * One transaction: the queue's tables are locked against writers (readers still see the old queue), the topic is read
 * from its start to its end as it is at that moment, every event applied by the consumer's rules (the statements sent
 * in batches, {@link QueueWrites.Rebuilding}), and what only this service knows is kept on every item no event has moved
 * since: its claim, its pending decision, its refusal. The consumers of every instance wait for the lock and go on after it; what they then receive up to that end is already
 * recorded as processed. A failure rolls everything back and the queue is as it was.
 */
@Component
class QueueRebuild {

    /** Answered to the ADMIN who asked. */
    record Result(long events, long skipped, long items, long claimed, long durationMillis) {
    }

    /** A million events take about 90 s here (docs/performance.md); a read still going after this has a broken broker. */
    private static final Duration READ_LIMIT = Duration.ofMinutes(30);

    private final WorkQueue queue;
    private final KafkaKeyRing keys;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final String bootstrapServers;

    QueueRebuild(WorkQueue queue, JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions,
                 @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, KafkaKeyRing keys) {
        this.keys = keys;
        this.queue = queue;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactions);
        this.bootstrapServers = bootstrapServers;
    }

    Result rebuild() {
        Instant start = Instant.now();
        return transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('gv.queue-rebuild'))").query(Boolean.class).single()) {
                throw new Refusal(RefusalCode.REBUILD_RUNNING, "The queue is being rebuilt already.");
            }
            jdbc.sql("lock table work_item, processed_event in exclusive mode").update();
            jdbc.sql("""
                    create temporary table kept on commit drop as
                    select application_id, stage, last_sequence, assignee, assignee_name, claimed_at, pending_decision, last_refusal
                    from work_item""").update();
            jdbc.sql("delete from work_item").update();
            jdbc.sql("delete from processed_event").update();
            long[] counts = replay();
            // what only this service knows (a claim, a pending decision, a refusal it noted) stays on an item that
            // no event has moved since
            jdbc.sql("""
                    update work_item w set assignee = k.assignee, assignee_name = k.assignee_name, claimed_at = k.claimed_at,
                        pending_decision = k.pending_decision, last_refusal = k.last_refusal
                    from kept k where w.application_id = k.application_id and w.last_sequence = k.last_sequence
                      and w.stage is not distinct from k.stage""").update();
            long items = jdbc.sql("select count(*) from work_item").query(Long.class).single();
            long claimed = jdbc.sql("select count(*) from work_item where assignee is not null").query(Long.class).single();
            return new Result(counts[0], counts[1], items, claimed, Duration.between(start, Instant.now()).toMillis());
        });
    }

    /** Every event of the topic up to its end now, applied in this transaction: {events applied, records skipped}. */
    private long[] replay() {
        long[] counts = new long[2];
        QueueWrites.Rebuilding rebuilding = queue.rebuilding();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(WholeTopicReaders.config(bootstrapServers, "queue-rebuild"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPLICATION_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            WholeTopicReaders.readToEnd(consumer, READ_LIMIT, record -> {
                if (DeadLetterTopics.forAnotherGroup(record, "evaluation-service")) {
                    counts[1]++;
                    return true;
                }
                try {
                    rebuilding.apply(EventEnvelopes.read(json, record.value(), keys::find));
                    counts[0]++;
                } catch (PoisonMessageException unreadable) {
                    counts[1]++; // it went to the dead-letter topic when it came; it is not an event
                }
                return true;
            });
        }
        rebuilding.send();
        return counts;
    }
}
