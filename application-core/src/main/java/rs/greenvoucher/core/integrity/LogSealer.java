package rs.greenvoucher.core.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.logverifier.LogFormat;
import rs.greenvoucher.logverifier.StoredEvent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seals the events of core's store into the tamper-evident log and signs its heads (docs/adr/0030). One sealer at a
 * time across all instances (a transaction-scoped advisory lock): it links the committed events it has not linked
 * yet, in global-index order within a round, each to the chain's end; a transaction that commits late is linked
 * late. Nothing on the append path: a submission pays nothing for the log. Then, once a day, a signed head.
 */
@Component
public class LogSealer {

    private static final Logger log = LoggerFactory.getLogger(LogSealer.class);
    /** Links per statement, and statements per round (a first sealing of a large store takes several rounds). */
    static final int BATCH = 1000;
    static final int BATCHES_PER_ROUND = 20;
    /** How far below the highest sealed index a late commit is still looked for (Axon's own gap window). */
    static final int GAP_WINDOW = 10_000;
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext('gv-log-sealer'))";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final LogSigningKey key;
    private final Clock clock;

    LogSealer(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions, LogSigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.key = key;
        this.clock = clock;
    }

    /** A head as stored. */
    public record Head(long position, long events, byte[] chainHash, Instant signedAt, String keyId, byte[] signature,
                       String requestedBy) {

        public String statement() {
            return LogFormat.headStatement(position, events, LogFormat.hex(chainHash), signedAt.toString(), keyId);
        }
    }

    /** A head and whether it was signed just now (false: nothing was sealed since it). */
    public record Signed(Head head, boolean created) {
    }

    @Scheduled(fixedDelayString = "${gv.log.seal-interval:PT2S}", initialDelayString = "${gv.log.initial-delay:PT5S}")
    public void round() {
        try {
            transactions.executeWithoutResult(status -> {
                if (!Boolean.TRUE.equals(jdbc.sql(LOCK).query(Boolean.class).single())) {
                    return; // another instance is sealing
                }
                sealCommitted();
                if (dailyHeadDue()) {
                    sign(null);
                }
            });
        } catch (RuntimeException e) {
            log.warn("The log could not be sealed now; tried again next round", e);
        }
    }

    /** Seals everything committed so far and signs a head at the chain's end; empty while nothing was ever sealed. */
    public Optional<Signed> signNow(String requestedBy) {
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('gv-log-sealer'))").query().singleRow();
            sealCommitted();
            return sign(requestedBy);
        });
    }

    /** Links the committed events not linked yet; how many. */
    int sealCommitted() {
        // events written before personal fields were sealed are rewritten once at start (SealExistingEvents): after it
        if (!Boolean.TRUE.equals(jdbc.sql("select exists(select 1 from personal_sealing)").query(Boolean.class).single())) {
            return 0;
        }
        int sealed = 0;
        for (int i = 0; i < BATCHES_PER_ROUND; i++) {
            int n = sealBatch();
            sealed += n;
            if (n < BATCH) {
                break;
            }
        }
        return sealed;
    }

    private record End(long position, byte[] chainHash) {
    }

    private int sealBatch() {
        End end = jdbc.sql("select position, chain_hash from log_chain order by position desc limit 1")
                .query((r, n) -> new End(r.getLong(1), r.getBytes(2))).optional().orElse(new End(0, LogFormat.GENESIS));
        long highest = jdbc.sql("select coalesce(max(global_index), 0) from log_chain").query(Long.class).single();
        List<StoredEvent> events = jdbc.sql("""
                        select e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp,
                               e.payload_type, e.payload_revision, e.payload, e.meta_data
                        from domain_event_entry e
                        where e.global_index > :low
                          and not exists (select 1 from log_chain c where c.global_index = e.global_index)
                        order by e.global_index limit :batch""")
                .param("low", highest - GAP_WINDOW).param("batch", BATCH)
                .query((r, n) -> new StoredEvent(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8), r.getBytes(9), r.getBytes(10)))
                .list();
        if (events.isEmpty()) {
            return 0;
        }
        List<Object[]> links = new ArrayList<>(events.size());
        byte[] chain = end.chainHash();
        long position = end.position();
        for (StoredEvent event : events) {
            byte[] hash = LogFormat.eventHash(event);
            chain = LogFormat.chain(chain, ++position, hash);
            links.add(new Object[]{position, event.globalIndex(), hash, chain});
        }
        batch.batchUpdate("insert into log_chain (position, global_index, event_hash, chain_hash) values (?, ?, ?, ?)", links);
        return events.size();
    }

    /** A head is due when none was signed today (Belgrade's day, as the scheme's dates are). */
    private boolean dailyHeadDue() {
        Optional<OffsetDateTime> last = jdbc.sql("select signed_at from log_head order by signed_at desc limit 1")
                .query(OffsetDateTime.class).optional();
        return last.isEmpty() || SchemeRules.day(last.get().toInstant()).isBefore(SchemeRules.day(clock.instant()));
    }

    private Optional<Signed> sign(String requestedBy) {
        recordKey();
        Optional<End> end = jdbc.sql("select position, chain_hash from log_chain order by position desc limit 1")
                .query((r, n) -> new End(r.getLong(1), r.getBytes(2))).optional();
        if (end.isEmpty()) {
            return Optional.empty();
        }
        Optional<Head> existing = head(end.get().position());
        if (existing.isPresent()) {
            return Optional.of(new Signed(existing.get(), false)); // nothing sealed since the last head
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long position = end.get().position();
        Head unsigned = new Head(position, position, end.get().chainHash(), at, key.keyId(), null, requestedBy);
        Head head = new Head(position, position, end.get().chainHash(), at, key.keyId(), key.sign(unsigned.statement()), requestedBy);
        jdbc.sql("""
                        insert into log_head (position, events, chain_hash, signed_at, key_id, signature, requested_by)
                        values (:position, :events, :chain, :at, :key, :signature, :by)""")
                .param("position", position).param("events", position).param("chain", head.chainHash())
                .param("at", Timestamp.from(at)).param("key", head.keyId()).param("signature", head.signature())
                .param("by", requestedBy).update();
        log.info("Signed the log's head at position {}", position);
        return Optional.of(new Signed(head, true));
    }

    /** The key's public half goes with the heads it signs, so that every export and dump names it. */
    private void recordKey() {
        jdbc.sql("insert into log_key (key_id, public_key) values (:id, :pem) on conflict do nothing")
                .param("id", key.keyId()).param("pem", key.publicKeyPem()).update();
    }

    Optional<Head> head(long position) {
        return jdbc.sql("select position, events, chain_hash, signed_at, key_id, signature, requested_by from log_head where position = :p")
                .param("p", position).query(LogSealer::head).optional();
    }

    List<Head> heads() {
        return jdbc.sql("select position, events, chain_hash, signed_at, key_id, signature, requested_by from log_head order by position")
                .query(LogSealer::head).list();
    }

    private static Head head(java.sql.ResultSet r, int n) throws java.sql.SQLException {
        return new Head(r.getLong(1), r.getLong(2), r.getBytes(3), r.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                r.getString(5), r.getBytes(6), r.getString(7));
    }
}
