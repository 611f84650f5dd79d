package rs.greenvoucher.core;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Axon runs on PostgreSQL for everything that must survive a restart: events and processor positions. */
class AxonSetupIT extends CoreIntegrationTest {

    @Autowired
    TokenStore tokenStore;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    Serializer serializer;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void eventsAndTokensAreInPostgresAndSerializedAsJson() {
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
        // Jackson, with the personal fields sealed on the way in and opened on the way out (docs/adr/0011)
        assertThat(serializer).isInstanceOf(rs.greenvoucher.platform.axon.SealingSerializer.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(distinct processor_name) from token_entry where processor_name in ('kafka-publisher', 'applicant-view')")
                .query(Integer.class).single() == 2);
        String payload = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry order by global_index limit 1")
                .query(String.class).single();
        assertThat(payload).startsWith("{");
    }
    /**
     * Axon's unit-of-work timeouts are off (docs/adr/0013): the janitor interrupts a batch that runs past its limit,
     * and an interrupted tracking processor shuts down for good (the publisher, while the broker was down).
     */
    @Test
    void noAxonTimeoutCanInterruptAProcessorOrAHandler() {
        for (String name : java.util.List.of("kafka-publisher", "applicant-view", "reporting")) {
            EventProcessor processor = processing.eventProcessor(name).orElseThrow();
            assertThat(processor.getHandlerInterceptors()).as(name).noneMatch(UnitOfWorkTimeoutInterceptor.class::isInstance);
        }
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
