package rs.greenvoucher.core.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.StoredEventNames;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.platform.privacy.PersonalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

/**
 * The one-time sealing of the events written before personal fields were sealed (docs/adr/0011): each such event's
 * payload is rewritten in place with its personal fields sealed, nothing else changed (same revision, same bytes
 * otherwise), in global order so that a submission's key is made, with its applicant, before its later events. Runs
 * once per database, at start-up, in batches; a second instance doing the same at the same time seals with the same
 * keys.
 */
@Component
class SealExistingEvents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SealExistingEvents.class);
    private static final int BATCH = 500;
    private static final List<String> TYPES = Arrays.stream(ApplicationEvent.class.getPermittedSubclasses())
            .filter(c -> PersonalData.hasPersonalData(c.getSimpleName())).map(StoredEventNames::of).toList();

    private final JdbcClient jdbc;
    private final JdbcPersonalKeys keys;
    private final TransactionTemplate transactions;
    private final JsonMapper json = PersonalJson.EXACT;

    SealExistingEvents(JdbcClient jdbc, JdbcPersonalKeys keys, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists(select 1 from personal_sealing)").query(Boolean.class).single()) {
            return;
        }
        long after = 0;
        long sealed = 0;
        while (true) {
            long from = after;
            Batch batch = transactions.execute(status -> sealBatch(from));
            sealed += batch.sealed();
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
        }
        long total = sealed;
        jdbc.sql("insert into personal_sealing (id, sealed, done_at) values (1, :n, now()) on conflict do nothing")
                .param("n", total).update();
        if (total > 0) {
            log.info("sealed the personal fields of {} events written before sealing", total);
        }
    }

    private record Batch(Long last, int sealed) {
    }

    private record Row(long index, String type, byte[] payload) {
    }

    private Batch sealBatch(long after) {
        List<Row> rows = jdbc.sql("""
                        select global_index, payload_type, payload from domain_event_entry
                        where payload_type in (:types) and global_index > :after order by global_index limit :batch""")
                .param("types", TYPES).param("after", after).param("batch", BATCH)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3))).list();
        int sealed = 0;
        for (Row row : rows) {
            JsonNode payload = json.readTree(row.payload());
            String before = payload.toString();
            String applicant = payload.path("applicantId").isString() ? payload.get("applicantId").asString() : null;
            String type = row.type().substring(row.type().lastIndexOf('$') + 1);
            PersonalJson.seal(payload, type, subject -> keys.keyFor(subject, applicant));
            if (!before.equals(payload.toString())) {
                jdbc.sql("update domain_event_entry set payload = :payload where global_index = :index")
                        .param("payload", json.writeValueAsBytes(payload)).param("index", row.index()).update();
                sealed++;
            }
        }
        return new Batch(rows.isEmpty() ? null : rows.get(rows.size() - 1).index(), sealed);
    }
}
