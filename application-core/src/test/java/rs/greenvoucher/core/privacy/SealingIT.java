package rs.greenvoucher.core.privacy;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.platform.axon.AxonPostgresAutoConfiguration;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events in PostgreSQL: personal fields are sealed as they are appended, and events written before sealing
 * existed are sealed once, in place, by {@link SealExistingEvents}, and read exactly as before.
 */
class SealingIT extends CoreIntegrationTest {

    @Autowired
    EventStore events;
    @Autowired
    SealExistingEvents sealing;
    @Autowired
    JdbcPersonalKeys keys;

    @Test
    void aSubmissionIsStoredWithItsPersonalFieldsSealedAndReadInTheClear() {
        String id = submitAndWithdraw();

        String stored = payload(id, "ApplicationSubmitted");
        assertThat(stored).contains(SealedText.PREFIX).doesNotContain("Eko Plast").doesNotContain("Jovana Nenada")
                .contains("\"mb\"");
        assertThat(payload(id, "ApplicationWithdrawn")).doesNotContain("Odustajemo");
        ApplicationEvent.ApplicationSubmitted read = (ApplicationEvent.ApplicationSubmitted) history(id).get(0);
        assertThat(read.form().enterprise().name()).isEqualTo("Eko Plast d.o.o. — Ćirilica: Еко Пласт");
        assertThat(((ApplicationEvent.ApplicationWithdrawn) history(id).get(1)).reason()).isEqualTo("Odustajemo — hvala");
    }

    @Test
    void eventsWrittenBeforeSealingAreSealedOnceInPlaceAndReadAsBefore() {
        String id = submitAndWithdraw();
        List<ApplicationEvent> before = history(id);
        // as an older version wrote them: in the clear, with no key
        Serializer plain = AxonPostgresAutoConfiguration.jacksonSerializer();
        for (DomainEventMessage<?> m : events.readEvents(id, 0).asStream().toList()) {
            jdbc.sql("update domain_event_entry set payload = :p where aggregate_identifier = :id and sequence_number = :s")
                    .param("p", plain.serialize(m.getPayload(), byte[].class).getData()).param("id", id)
                    .param("s", m.getSequenceNumber()).update();
        }
        jdbc.sql("delete from personal_key where subject = :id").param("id", id).update();
        keys.forget(List.of(id));
        jdbc.sql("delete from personal_sealing").update();
        assertThat(payload(id, "ApplicationSubmitted")).contains("Jovana Nenada");

        sealing.run(null);

        assertThat(payload(id, "ApplicationSubmitted")).contains(SealedText.PREFIX).doesNotContain("Jovana Nenada");
        assertThat(payload(id, "ApplicationWithdrawn")).doesNotContain("Odustajemo");
        assertThat(history(id)).isEqualTo(before);
        assertThat(jdbc.sql("select applicant_id from personal_key where subject = :id").param("id", id).query(String.class).single())
                .isEqualTo(((ApplicationEvent.ApplicationSubmitted) before.get(0)).applicantId());
        assertThat(jdbc.sql("select sealed from personal_sealing").query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // once: a second start changes nothing
        String sealed = payload(id, "ApplicationSubmitted");
        jdbc.sql("update personal_sealing set sealed = -1").update();
        sealing.run(null);
        assertThat(payload(id, "ApplicationSubmitted")).isEqualTo(sealed);
        assertThat(jdbc.sql("select sealed from personal_sealing").query(Long.class).single()).isEqualTo(-1);
    }

    private String submitAndWithdraw() {
        String token = api.newApplicant("sr");
        String id = api.post("/api/applications", token, TestData.application(TestData.mb())).json().get("id").asString();
        assertThat(api.post("/api/applications/" + id + "/withdraw", token, "{\"reason\":\"Odustajemo — hvala\"}").status())
                .isEqualTo(200);
        return id;
    }

    private List<ApplicationEvent> history(String id) {
        return events.readEvents(id, 0).asStream().map(DomainEventMessage::getPayload).map(ApplicationEvent.class::cast).toList();
    }

    private String payload(String id, String type) {
        return new String(jdbc.sql("""
                        select payload from domain_event_entry where aggregate_identifier = :id and payload_type like :type""")
                .param("id", id).param("type", "%$" + type).query((rs, n) -> rs.getBytes(1)).single(), StandardCharsets.UTF_8);
    }
}
