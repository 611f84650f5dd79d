package rs.greenvoucher.core.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.platform.privacy.PersonalKeys;
import rs.greenvoucher.platform.tracing.Traces;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The sending: every lifecycle event goes to {@code gv.application.events}, keyed by application id, from a streaming
 * processor: the event table is the outbox. Its payload, an {@link ApplicationMessage}, is mapped by {@link EventPayload}
 * from the event and what {@link PayloadLookups} finds. Every send of a batch is acknowledged (acks=all, idempotent producer)
 * before the processor's token moves; if Kafka is away the sends wait for it in place ({@link BrokerWait}), and only
 * a send that fails for good fails the batch, which the processor retries (consumers drop the duplicates by event id). Events of one
 * application stay in one segment, in order. Personal fields go out sealed with the application's key, which goes to
 * {@code gv.personal.keys} first; an erasure sends its tombstone (docs/adr/0011). The record carries the trace of the
 * request that made the event (its {@code traceparent}, kept in the event's metadata: docs/adr/0034).
 */
@Component
@ProcessingGroup(KafkaPublisher.GROUP)
class KafkaPublisher {

    static final String GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pendingSends";
    private static final String KEYS_SENT = KafkaPublisher.class.getName() + ".keysSent";

    private final KafkaTemplate<String, String> kafka;
    private final PayloadLookups lookups;
    private final JsonMapper json;
    private final PersonalKeys keys;
    private final Traces traces;

    KafkaPublisher(KafkaTemplate<String, String> kafka, PayloadLookups lookups, JsonMapper json, PersonalKeys keys, Traces traces) {
        this.kafka = kafka;
        this.traces = traces;
        this.keys = keys;
        this.lookups = lookups;
        // amounts stay BigDecimal on their way into the payload map (never a double: 10800.00, not 10800.0)
        this.json = json.rebuild().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    @EventHandler
    void on(ApplicationEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequence, MetaData metaData) {
        Object traceparent = metaData.get(Traces.HEADER);
        traces.continued(traceparent instanceof String t ? t : null, Topics.APPLICATION_EVENTS + " publish",
                io.micrometer.tracing.Span.Kind.PRODUCER, () -> publish(event, eventId, sequence));
    }

    private void publish(ApplicationEvent event, String eventId, Long sequence) {
        String application = event.applicationId().toString();
        if (event instanceof ApplicationEvent.ApplicationSubmitted && !keysOfTheBatchSent().contains(application)) {
            byte[] key = keys.find(application);
            if (key != null) {
                // acknowledged before the message sealed with it is sent: a reader that misses it reads the topic's end
                awaitAll(List.of(sendKey(application, key)));
            }
        }
        if (event instanceof ApplicationEvent.PersonalDataErased) {
            pendingSends().add(BrokerWait.send(kafka, Topics.PERSONAL_KEYS, application, null)); // the tombstone: compaction drops the key
        }
        EventEnvelope envelope = EventEnvelope.of(UUID.fromString(eventId), sequence == null ? 0 : sequence,
                EventPayload.of(event, lookups.forEvent(event)));
        CompletableFuture<?> sent = BrokerWait.send(kafka, Topics.APPLICATION_EVENTS, event.applicationId().toString(),
                EventEnvelopes.write(json, envelope, keys::find), traces.current());
        if (sent.isCompletedExceptionally()) {
            // refused at once (a record too large, say): this event's fault, so it is parked (DeadLetterConfiguration);
            // a broker that is away is waited for (BrokerWait)
            sent.join();
        }
        pendingSends().add(sent);
    }

    /**
     * The keys of every submission in the processor's batch (the events of this segment), sent together and
     * acknowledged once before the first of the batch's messages goes: one wait per batch, not one per submission,
     * which was what held the messages back after a burst of submissions. Outside a batch (an ADMIN's retry of a
     * parked event) none, and each submission's key is sent and acknowledged before its message.
     */
    private Set<String> keysOfTheBatchSent() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(KEYS_SENT, k -> {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                return Set.of();
            }
            Map<String, CompletableFuture<?>> sends = new LinkedHashMap<>();
            for (Object message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> domain
                        && ApplicationEvent.ApplicationSubmitted.class.equals(domain.getPayloadType())
                        && !sends.containsKey(domain.getAggregateIdentifier())) {
                    byte[] key = keys.find(domain.getAggregateIdentifier());
                    if (key != null) {
                        sends.put(domain.getAggregateIdentifier(), sendKey(domain.getAggregateIdentifier(), key));
                    }
                }
            }
            awaitAll(List.copyOf(sends.values()));
            return sends.keySet();
        });
    }

    private CompletableFuture<?> sendKey(String application, byte[] key) {
        return BrokerWait.send(kafka, Topics.PERSONAL_KEYS, application, Base64.getEncoder().encodeToString(key));
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
        BrokerWait.awaitAll(sends);
    }

    @ResetHandler
    void reset() {
        lookups.forget();
    }
}
