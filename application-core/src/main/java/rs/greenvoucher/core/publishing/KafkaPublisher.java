package rs.greenvoucher.core.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherApproved;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherCompleted;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.kafka.Topics;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every lifecycle event to {@code gv.application.events}, keyed by application id, from a streaming
 * processor: the event table is the outbox. Every send of a batch is acknowledged (acks=all, idempotent producer)
 * before the processor's token moves; if Kafka is down the batch fails, the token stays, and the processor retries
 * the same events with back-off until the broker is back (consumers drop the duplicates by event id). Events of one
 * application stay in one segment, in order.
 */
@Component
@ProcessingGroup(KafkaPublisher.GROUP)
class KafkaPublisher {

    static final String GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, String> kafka;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    KafkaPublisher(KafkaTemplate<String, String> kafka, JdbcClient jdbc, JsonMapper json) {
        this.kafka = kafka;
        this.jdbc = jdbc;
        // amounts stay BigDecimal on their way into the payload map (never a double: 10800.00, not 10800.0)
        this.json = json.rebuild().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    @EventHandler
    void on(ApplicationEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequence) {
        String mb;
        Map<String, Object> payload = new LinkedHashMap<>();
        if (event instanceof ApplicationSubmitted submitted) {
            mb = submitted.form().enterprise().mb().value();
            jdbc.sql("insert into publisher_application (application_id, enterprise_mb) values (:id, :mb) on conflict do nothing")
                    .param("id", event.applicationId()).param("mb", mb).update();
            payload.put("applicantLanguage", submitted.applicantLanguage() == null ? "sr" : submitted.applicantLanguage());
            // the call's money rules, so that consumers can pre-check S4/E10 without asking core
            payload.put("callParameters", jdbc.sql("""
                            select name, max_voucher_eur as "maxVoucherEur", max_share_percent as "maxSharePercent",
                                   min_service_cost_eur as "minServiceCostEur",
                                   max_equipment_share_percent as "maxEquipmentSharePercent",
                                   completion_months as "completionMonths"
                            from scheme_call where id = :id""")
                    .param("id", submitted.callId()).query().singleRow());
        } else {
            mb = jdbc.sql("select enterprise_mb from publisher_application where application_id = :id")
                    .param("id", event.applicationId()).query(String.class).single();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.convertValue(event, Map.class);
        payload.putAll(body);
        // the contract's names for the money (api-contract.md, Kafka)
        if (event instanceof VoucherApproved approved) {
            payload.put("amountEur", approved.amount().amount());
        }
        if (event instanceof VoucherCompleted completed) {
            payload.put("paidEur", completed.paidAmount().amount());
        }
        if (event instanceof ProvidersMatched matched) {
            // names for consumers that tell people (notifications), from the provider list in this database
            payload.put("providers", matched.providerCodes().stream().map(code -> Map.of("code", code.value(), "name",
                    jdbc.sql("select name from provider where code = :code").param("code", code.value())
                            .query(String.class).optional().orElse(code.value()))).toList());
        }
        payload.put("status", event.status().name());
        payload.put("enterpriseMb", mb);
        EventEnvelope envelope = new EventEnvelope(UUID.fromString(eventId), event.getClass().getSimpleName(),
                EventEnvelope.SCHEMA_VERSION, event.applicationId(), sequence == null ? 0 : sequence, event.occurredAt(), payload);
        CompletableFuture<?> sent = kafka.send(Topics.APPLICATION_EVENTS, event.applicationId().toString(),
                json.writeValueAsString(envelope));
        if (sent.isCompletedExceptionally()) {
            // refused at once (a record too large, say): this event's fault, so it is parked (DeadLetterConfiguration);
            // a broker that is down fails later, at commit, and the whole batch is retried
            sent.join();
        }
        pendingSends().add(sent);
    }

    /**
     * The sends of one batch go out together; the batch commits (and the processor's token moves) only when Kafka
     * has acknowledged every one of them. The idempotent producer keeps them in order per partition.
     */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be published again", e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from publisher_application").update();
    }
}
