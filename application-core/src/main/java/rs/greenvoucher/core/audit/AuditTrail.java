package rs.greenvoucher.core.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationScreened;
import rs.greenvoucher.api.application.DecisionEvent.DecisionCorrected;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent;
import rs.greenvoucher.api.http.Audit;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.providers.ProviderRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Explains an application's history from its events: each event in order with who, when, why and the rules, and the
 * inputs each step was taken on as they were at that moment, not today: the auto-checks the evaluators' queue showed
 * (computed as the evaluation service computes them, from the submission and the call's money rules), the call's
 * parameters in force, and the provider list's version and the state of the application's providers on it.
 */
@Component
record AuditTrail(EventStore events, JsonMapper json, JdbcClient jdbc) {

    static final String SYSTEM = "SYSTEM";
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    Optional<Audit> of(UUID applicationId) {
        List<DomainEventMessage<?>> history = events.readEvents(applicationId.toString(), 0).asStream()
                .<DomainEventMessage<?>>map(m -> m).toList();
        if (history.isEmpty() || !(history.get(0).getPayload() instanceof ApplicationSubmitted submitted)) {
            return Optional.empty();
        }
        List<DomainEventMessage<?>> registry = events.readEvents(ProviderRegistry.ID, 0).asStream()
                .<DomainEventMessage<?>>map(m -> m).toList();
        List<DomainEventMessage<?>> call = events.readEvents(submitted.callId().toString(), 0).asStream()
                .<DomainEventMessage<?>>map(m -> m).toList();
        Set<ProviderCode> relevant = new LinkedHashSet<>(submitted.form().providerCodes());
        history.stream().map(DomainEventMessage::getPayload).filter(ProvidersMatched.class::isInstance)
                .forEach(p -> relevant.addAll(((ProvidersMatched) p).providerCodes()));
        List<Audit.Entry> entries = new ArrayList<>();
        Map<String, Optional<String>> names = new java.util.HashMap<>();
        Audit.PendingCorrection pending = null;
        for (DomainEventMessage<?> message : history) {
            if (message.getPayload() instanceof ApplicationEvent e) {
                Audit.CallInForce inForce = InputsAtTheTime.callAt(call, submitted.callId(), e.occurredAt());
                String by = by(e, submitted);
                entries.add(new Audit.Entry(message.getSequenceNumber(), e.getClass().getSimpleName(), e.occurredAt(),
                        by, names.computeIfAbsent(by, this::accountName).orElse(null), e.why(), e.rules(),
                        e instanceof ApplicationScreened s ? s.checks() : List.of(),
                        e instanceof ApplicationSubmitted || e instanceof ApplicationScreened ? InputsAtTheTime.autoChecks(submitted, inForce) : List.of(),
                        inForce, InputsAtTheTime.providersAt(registry, relevant, e.occurredAt()), json.convertValue(e, FIELDS)));
                if (e instanceof CorrectionProposed p) {
                    pending = new Audit.PendingCorrection(p.correctionId(), p.stage(), p.kind().name(), p.rules(), p.reason(),
                            p.proposedBy(), names.get(by).orElse(null), p.occurredAt());
                } else if (e instanceof CorrectionDeclined || e instanceof DecisionCorrected) {
                    pending = null;
                }
            }
        }
        return Optional.of(new Audit(applicationId, submitted.trackingCode(), entries, pending));
    }

    /** The name of the account with this id (evaluators' ids are accounts too); none for SYSTEM or an unknown id. */
    private Optional<String> accountName(String id) {
        try {
            return jdbc.sql("select full_name from account where id = :id").param("id", UUID.fromString(id))
                    .query(String.class).optional();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String by(ApplicationEvent e, ApplicationSubmitted submitted) {
        if (e instanceof DecisionEvent.Decided decided) {
            return decided.decidedBy() == null ? SYSTEM : decided.decidedBy();
        }
        if (e instanceof ApplicationSubmitted || e instanceof ApplicationWithdrawn || e instanceof CompletionReported
                || e instanceof ApplicationEvent.InformationProvided) {
            return submitted.applicantId();
        }
        if (e instanceof ApplicationEvent.DocumentAttached d) {
            return d.uploadedBy();
        }
        if (e instanceof ApplicationEvent.PersonalDataErased erased) {
            return erased.erasedBy();
        }
        if (e instanceof CorrectionProposed p) {
            return p.proposedBy();
        }
        if (e instanceof CorrectionDeclined d) {
            return d.declinedBy();
        }
        if (e instanceof rs.greenvoucher.api.application.PaymentEvent p) {
            return p.by();
        }
        return SYSTEM; // an expiry, a refusal of a decision
    }
}
