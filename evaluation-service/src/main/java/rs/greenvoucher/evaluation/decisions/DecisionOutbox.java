package rs.greenvoucher.evaluation.decisions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.kafka.Topics;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends stored decisions to {@code gv.evaluation.decisions} (key = application id) and marks them sent. If Kafka is
 * down nothing is marked and the next round tries again; "skip locked" lets several instances share the work.
 * Core applies each decision id at most once, so a decision sent twice (crash after send) is harmless.
 */
@Component
class DecisionOutbox {

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;

    DecisionOutbox(JdbcClient jdbc, KafkaTemplate<String, String> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    record Pending(UUID decisionId, UUID applicationId, String body) {
    }

    @Scheduled(fixedDelayString = "${gv-evaluation.outbox-interval:PT0.2S}")
    @Transactional
    public int publish() throws Exception {
        List<Pending> pending = jdbc.sql("""
                        select decision_id, application_id, body::text as body from decision
                        where published_at is null order by decided_at limit 100 for update skip locked""")
                .query((rs, n) -> new Pending(rs.getObject("decision_id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("body"))).list();
        for (Pending p : pending) {
            kafka.send(Topics.EVALUATION_DECISIONS, p.applicationId().toString(), p.body()).get(15, TimeUnit.SECONDS);
            jdbc.sql("update decision set published_at = now() where decision_id = :id").param("id", p.decisionId()).update();
        }
        return pending.size();
    }
}
