package rs.greenvoucher.core.applicant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.infra.TestData;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event delivered again (a segment taken over by another instance before the first stored its token) is applied
 * once: found by the shared test context, where several instances of core process the same events.
 */
class ApplicationViewRedeliveryIT extends CoreIntegrationTest {

    @Autowired
    ApplicationViewProjection projection;

    @Autowired
    EventStore eventStore;

    @Test
    void anEventDeliveredAgainChangesNothing() {
        String token = api.newApplicant("sr");
        String id = api.post("/api/applications", token, TestData.application(TestData.mb())).json().get("id").asString();
        api.post("/api/applications/" + id + "/withdraw", token, "{}");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + id, token).json().get("status").asString(),
                "WITHDRAWN"::equals);

        DomainEventMessage<?> withdrawn = eventStore.readEvents(id).asStream()
                .filter(m -> m.getPayload() instanceof ApplicationWithdrawn).findFirst().orElseThrow();
        projection.on((ApplicationWithdrawn) withdrawn.getPayload(), withdrawn.getSequenceNumber());

        assertThat(api.get("/api/applications/" + id, token).json().get("timeline")).hasSize(2);
    }
}
