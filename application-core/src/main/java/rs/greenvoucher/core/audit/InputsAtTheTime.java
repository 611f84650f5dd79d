package rs.greenvoucher.core.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.call.CallEvent;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.http.Audit;
import rs.greenvoucher.api.provider.ProviderEvent;
import rs.greenvoucher.api.value.ProviderCode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The inputs a step was taken on as they were at its moment, not today: the auto-checks the evaluators' queue showed,
 * the call's parameters in force, the provider list's version and the state of the application's providers on it.
 */
final class InputsAtTheTime {

    private InputsAtTheTime() {
    }

    static List<AutoChecks.AutoCheck> autoChecks(ApplicationSubmitted submitted, Audit.CallInForce call) {
        MoneyLimits money = call == null ? SchemeRules.FIRST_CALL_MONEY : new MoneyLimits(
                rs.greenvoucher.api.value.Money.eur(call.maxVoucherEur()), call.maxSharePercent(),
                rs.greenvoucher.api.value.Money.eur(call.minServiceCostEur()), call.maxEquipmentSharePercent());
        return AutoChecks.compute(submitted.form(), SchemeRules.day(submitted.occurredAt()), money);
    }

    /** The call's parameters from its events that had happened by {@code at} (a call is created once and kept). */
    static Audit.CallInForce callAt(List<DomainEventMessage<?>> call, UUID callId, Instant at) {
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
    static Audit.ProviderList providersAt(List<DomainEventMessage<?>> registry, Set<ProviderCode> codes, Instant at) {
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
