package rs.greenvoucher.core.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.http.Audit;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationScreened;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.ApplicationEvent.DecisionCorrected;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.call.CallEvent;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.provider.ProviderEvent;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.providers.ProviderRegistry;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
class AuditTrail {

    static final String SYSTEM = "SYSTEM";

    private final EventStore events;
    private final JsonMapper json;
    private final JdbcClient jdbc;

    AuditTrail(EventStore events, JsonMapper json, JdbcClient jdbc) {
        this.events = events;
        this.json = json;
        this.jdbc = jdbc;
    }

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
                Audit.CallInForce inForce = callAt(call, submitted.callId(), e.occurredAt());
                String by = by(e, submitted);
                entries.add(new Audit.Entry(message.getSequenceNumber(), e.getClass().getSimpleName(), e.occurredAt(),
                        by, names.computeIfAbsent(by, this::accountName).orElse(null), e.why(), e.rules(),
                        e instanceof ApplicationScreened s ? s.checks() : List.of(),
                        e instanceof ApplicationSubmitted || e instanceof ApplicationScreened ? autoChecks(submitted, inForce) : List.of(),
                        inForce, providersAt(registry, relevant, e.occurredAt()), json.valueToTree(e)));
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
        if (e instanceof ApplicationEvent.Decided decided) {
            return decided.decidedBy() == null ? SYSTEM : decided.decidedBy();
        }
        if (e instanceof ApplicationSubmitted || e instanceof ApplicationWithdrawn || e instanceof CompletionReported) {
            return submitted.applicantId();
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
        return SYSTEM; // an expiry, a refusal of a decision
    }

    private static List<AutoChecks.AutoCheck> autoChecks(ApplicationSubmitted submitted, Audit.CallInForce call) {
        MoneyLimits money = call == null ? SchemeRules.FIRST_CALL_MONEY : new MoneyLimits(
                rs.greenvoucher.api.value.Money.eur(call.maxVoucherEur()), call.maxSharePercent(),
                rs.greenvoucher.api.value.Money.eur(call.minServiceCostEur()), call.maxEquipmentSharePercent());
        return AutoChecks.compute(submitted.form(), SchemeRules.day(submitted.occurredAt()), money);
    }

    /** The call's parameters from its events that had happened by {@code at} (a call is created once and kept). */
    private static Audit.CallInForce callAt(List<DomainEventMessage<?>> call, UUID callId, Instant at) {
        CallParameters p = null;
        for (DomainEventMessage<?> m : call) {
            if (m.getPayload() instanceof CallEvent.CallCreated created && !created.occurredAt().isAfter(at)) {
                p = created.parameters();
            }
        }
        return p == null ? null : new Audit.CallInForce(callId, p.name(), p.budgetEur().amount(), p.maxVoucherEur().amount(),
                p.maxSharePercent(), p.minServiceCostEur().amount(), p.maxEquipmentSharePercent(), p.completionMonths());
    }

    /** The registry folded up to {@code at}: its version and the state of the given providers on it. */
    private static Audit.ProviderList providersAt(List<DomainEventMessage<?>> registry, Set<ProviderCode> codes, Instant at) {
        Map<ProviderCode, Audit.ProviderState> state = new LinkedHashMap<>();
        long version = 0;
        for (DomainEventMessage<?> m : registry) {
            if (!(m.getPayload() instanceof ProviderEvent e) || e.occurredAt().isAfter(at)) {
                continue;
            }
            version++;
            if (e instanceof ProviderEvent.ProviderQualified q) {
                state.put(q.code(), new Audit.ProviderState(q.code().value(), q.name(), true, true));
            } else if (e instanceof ProviderEvent.ProviderDeactivated d && state.containsKey(d.code())) {
                Audit.ProviderState s = state.get(d.code());
                state.put(d.code(), new Audit.ProviderState(s.code(), s.name(), true, false));
            } else if (e instanceof ProviderEvent.ProviderReactivated r && state.containsKey(r.code())) {
                Audit.ProviderState s = state.get(r.code());
                state.put(r.code(), new Audit.ProviderState(s.code(), s.name(), true, true));
            }
        }
        return new Audit.ProviderList(version, codes.stream()
                .map(c -> state.getOrDefault(c, new Audit.ProviderState(c.value(), null, false, false))).toList());
    }
}
