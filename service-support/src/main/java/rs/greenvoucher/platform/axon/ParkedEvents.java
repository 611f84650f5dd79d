package rs.greenvoucher.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events the processors parked: listed from the table, retried and evicted through Axon's queue. */
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final EventProcessingConfiguration processing;
    private final DeadLetterConfiguration.DeadLetterGroups groups;
    private final JdbcClient jdbc;

    ParkedEvents(EventProcessingConfiguration processing, DeadLetterConfiguration.DeadLetterGroups groups, JdbcClient jdbc) {
        this.processing = processing;
        this.groups = groups;
        this.jdbc = jdbc;
    }

    public List<rs.greenvoucher.api.http.ParkedEvents.Parked> list(String processor) {
        return jdbc.sql("select processinggroup, sequenceidentifier, sequenceindex, eventidentifier, payloadtype, timestamp,"
                        + " causetype, causemessage, enqueuedat, lasttouched from " + DeadLetterConfiguration.TABLE
                        + " where (cast(:group as varchar) is null or processinggroup = :group)"
                        + " order by enqueuedat, sequenceidentifier, sequenceindex limit 500")
                .param("group", processor)
                .query((rs, n) -> new rs.greenvoucher.api.http.ParkedEvents.Parked(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        simpleName(rs.getString(5)), rs.getString(6), simpleName(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getString(10)))
                .list();
    }

    public long count(String processor) {
        return jdbc.sql("select count(*) from " + DeadLetterConfiguration.TABLE + " where processinggroup = :group")
                .param("group", processor).query(Long.class).single();
    }

    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        groups.names().forEach(g -> counts.put(g, count(g)));
        return counts;
    }

    /** Tries the parked sequences of one processor again, oldest first; answers how many sequences were cleared. */
    public int retry(String processor) {
        SequencedDeadLetterProcessor<EventMessage<?>> dlp = processor(processor);
        int cleared = 0;
        long sequences = queue(processor).amountOfSequences();
        for (long i = 0; i < sequences; i++) {
            if (dlp.processAny()) {
                cleared++;
            }
        }
        return cleared;
    }

    /** Retries only the sequence (application) given. */
    public boolean retry(String processor, String sequence) {
        return processor(processor).process(letter -> sequence.equals(sequenceOf(letter)));
    }

    /** Drops a parked sequence for good: its events will never reach this processor's read model. */
    public int evict(String processor, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        List<Object> ids = jdbc.sql("select sequenceidentifier from " + DeadLetterConfiguration.TABLE
                        + " where processinggroup = :group and sequenceidentifier = :seq limit 1")
                .param("group", processor).param("seq", sequence).query((rs, n) -> (Object) rs.getString(1)).list();
        if (ids.isEmpty()) {
            throw Refusal.notFound();
        }
        int evicted = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(ids.get(0))) {
            queue.evict(letter);
            evicted++;
        }
        log.warn("Evicted {} parked event(s) of sequence {} from processor {}", evicted, sequence, processor);
        return evicted;
    }

    /** Parked sequences are tried again now and then: what failed on a bug fixed since, or on data that changed. */
    @Scheduled(fixedDelayString = "${gv.axon.dead-letter-retry:PT5M}", initialDelayString = "${gv.axon.dead-letter-retry:PT5M}")
    public void retryAll() {
        for (String group : groups.names()) {
            try {
                if (count(group) > 0) {
                    log.info("Retried parked events of {}: {} sequence(s) cleared", group, retry(group));
                }
            } catch (RuntimeException e) {
                log.warn("Retry of parked events of {} failed: {}", group, e.toString());
            }
        }
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        if (message instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return message.getIdentifier();
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String processor) {
        return processing.sequencedDeadLetterProcessor(known(processor)).orElseThrow(Refusal::notFound);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(known(processor)).orElseThrow(Refusal::notFound);
    }

    private String known(String processor) {
        if (!groups.names().contains(processor)) {
            throw Refusal.notFound();
        }
        return processor;
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }
}
