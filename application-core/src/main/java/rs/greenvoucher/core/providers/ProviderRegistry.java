package rs.greenvoucher.core.providers;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import rs.greenvoucher.api.provider.ProviderCommand.NewProvider;
import rs.greenvoucher.api.provider.ProviderEvent;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderDeactivated;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderQualified;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderReactivated;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The one list of eligible R&D service providers (P1–P3). One aggregate, so codes are assigned without gaps or
 * duplicates and every change to the list is an event in order.
 */
@Aggregate
public class ProviderRegistry {

    public static final String ID = "provider-registry";

    @AggregateIdentifier
    private String id;
    private final Map<ProviderCode, Boolean> active = new HashMap<>();
    private int highestCode;

    protected ProviderRegistry() {
        // for Axon
    }

    ProviderRegistry(List<NewProvider> initialList, Instant now) {
        for (NewProvider p : initialList) {
            apply(new ProviderQualified(p.code(), p.name(), p.kind(), p.city(), p.mb(), true, "initial list", now));
        }
    }

    ProviderCode qualify(NewProvider provider, String by, Instant now) {
        if (provider.kind() == ProviderKind.INDIVIDUAL_CONSULTANT) {
            throw RuleViolation.individualConsultant();
        }
        ProviderCode code = new ProviderCode(String.format("%02d", highestCode + 1));
        apply(new ProviderQualified(code, provider.name(), provider.kind(), provider.city(), provider.mb(), false, by, now));
        return code;
    }

    void deactivate(ProviderCode code, String reason, String by, Instant now) {
        if (Boolean.TRUE.equals(requireKnown(code))) {
            apply(new ProviderDeactivated(code, reason, by, now));
        }
    }

    void reactivate(ProviderCode code, String by, Instant now) {
        if (Boolean.FALSE.equals(requireKnown(code))) {
            apply(new ProviderReactivated(code, by, now));
        }
    }

    private Boolean requireKnown(ProviderCode code) {
        Boolean state = active.get(code);
        if (state == null) {
            throw Refusal.notFound("No provider with code " + code + ".");
        }
        return state;
    }

    @EventSourcingHandler
    void on(ProviderEvent event) {
        id = ID;
        if (event instanceof ProviderQualified q) {
            active.put(q.code(), true);
            highestCode = Math.max(highestCode, Integer.parseInt(q.code().value()));
        } else if (event instanceof ProviderDeactivated d) {
            active.put(d.code(), false);
        } else if (event instanceof ProviderReactivated r) {
            active.put(r.code(), true);
        }
    }
}
