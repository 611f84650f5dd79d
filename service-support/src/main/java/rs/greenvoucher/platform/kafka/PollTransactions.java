package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.platform.tracing.Traces;

import java.util.List;
import java.util.function.Consumer;

/**
 * A batch listener's records (one poll) applied in one database transaction: one commit, and its flush to disk, per
 * poll instead of per record, which was most of a consumer's time per record when it had a backlog to work off.
 * <p>
 * Nothing about failures changes for the records: when the poll's transaction fails it is rolled back, and the records
 * are applied again one at a time, each in its own transaction (every consumer is idempotent), up to the one that fails.
 * That one goes to the container's error handler ({@link BatchListenerFailedException}): the records before it are
 * committed, it is retried or put on its dead-letter topic exactly as a record listener's record would be
 * ({@link DeadLetters}), and the records after it are fetched again.
 * <p>
 * Each record is applied in a span that continues the trace in its {@code traceparent} header ({@link Traces}): a batch
 * listener gets none from Spring Kafka's observation, which knows single records only.
 */
public final class PollTransactions {

    private final TransactionTemplate transactions;
    private final Traces traces;

    public PollTransactions(PlatformTransactionManager transactions, Traces traces) {
        this.transactions = new TransactionTemplate(transactions);
        this.traces = traces;
    }

    public void apply(List<ConsumerRecord<String, String>> records, Consumer<String> apply) {
        if (records.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> records.forEach(record -> applyOne(record, apply)));
            return;
        } catch (RuntimeException failed) {
            // one of them, or the database: find out one record at a time
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                transactions.executeWithoutResult(status -> applyOne(record, apply));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(DeadLetters.reason(e), e, record);
            }
        }
    }

    private void applyOne(ConsumerRecord<String, String> record, Consumer<String> apply) {
        traces.continued(Traces.of(record.headers()), record.topic() + " process", io.micrometer.tracing.Span.Kind.CONSUMER,
                () -> apply.accept(record.value()));
    }
}
