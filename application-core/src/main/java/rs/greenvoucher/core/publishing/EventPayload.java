package rs.greenvoucher.core.publishing;

import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherApproved;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherCompleted;
import rs.greenvoucher.api.value.ProviderCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The mapping: an event's payload on {@code gv.application.events} is the event's own fields plus what the contract
 * adds (api-contract.md, Kafka; docs/api.md): the status after it, the enterprise's MB, the contract's names for
 * the money, the applicant's language and the call's money rules on a submission, the providers' names on a match.
 * No I/O here: the lookups are given.
 */
final class EventPayload {

    /** What the payload needs from core's own tables (PayloadLookups). */
    record Lookups(String enterpriseMb, Map<String, Object> callParameters, Function<ProviderCode, String> providerName) {
    }

    private EventPayload() {
    }

    static Map<String, Object> of(ApplicationEvent event, Map<String, Object> eventFields, Lookups lookups) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (event instanceof ApplicationSubmitted submitted) {
            payload.put("applicantLanguage", submitted.applicantLanguage() == null ? "sr" : submitted.applicantLanguage());
            // the call's money rules, so that consumers can pre-check S4/E10 without asking core
            payload.put("callParameters", lookups.callParameters());
        }
        payload.putAll(eventFields);
        if (event instanceof VoucherApproved approved) {
            payload.put("amountEur", approved.amount().amount());
        }
        if (event instanceof VoucherCompleted completed) {
            payload.put("paidEur", completed.paidAmount().amount());
        }
        if (event instanceof ProvidersMatched matched) {
            // names for consumers that tell people (notifications)
            payload.put("providers", matched.providerCodes().stream()
                    .map(code -> Map.of("code", code.value(), "name", lookups.providerName().apply(code))).toList());
        }
        payload.put("status", event.status().name());
        payload.put("enterpriseMb", lookups.enterpriseMb());
        return payload;
    }
}
