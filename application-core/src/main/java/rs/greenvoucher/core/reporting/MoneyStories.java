package rs.greenvoucher.core.reporting;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.application.PaymentEvent;
import rs.greenvoucher.api.application.StoredEventNames;
import rs.greenvoucher.api.value.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The money story of each approved application of a call, read from the event store itself (a read model could be a
 * moment behind): its submission's service cost, its approval, its completion or expiry.
 */
@Component
class MoneyStories {

    /** The events a story is made of; every other event of an application is left in the store. */
    private static final List<String> STORY_EVENTS = List.of(StoredEventNames.of(ApplicationSubmitted.class),
            StoredEventNames.of(VoucherApproved.class), StoredEventNames.of(VoucherCompleted.class), StoredEventNames.of(VoucherExpired.class),
            StoredEventNames.of(ApplicationEvent.InformationRequestExpired.class),
            StoredEventNames.of(PaymentEvent.PaymentProposed.class), StoredEventNames.of(PaymentEvent.PaymentMade.class));
    /** Applications read per query: a handful of round trips, not one per approval. */
    private static final int READ_TOGETHER = 1_000;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventUpcasterChain upcasters;

    MoneyStories(JdbcClient jdbc, Serializer serializer, List<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters);
    }

    /**
     * One application's money story, from its events: with what the bank paid its providers ({@code providersPaid})
     * and the invoices those paid orders were for ({@code invoicedPaid}).
     */
    record Story(String trackingCode, Money totalCost, VoucherApproved approved, VoucherCompleted completed,
                 VoucherExpired expired, Money providersPaid, Money invoicedPaid) {
    }

    /** The stories of the call's approved applications (in no particular order). */
    List<Story> approvedIn(UUID callId) {
        List<String> approvedApplications = jdbc.sql("""
                        select distinct aggregate_identifier from domain_event_entry
                        where payload_type = :type and convert_from(payload, 'UTF8')::jsonb ->> 'callId' = :call""")
                .param("type", StoredEventNames.of(VoucherApproved.class)).param("call", callId.toString())
                .query(String.class).list();
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < approvedApplications.size(); i += READ_TOGETHER) {
            stories.addAll(stories(approvedApplications.subList(i, Math.min(i + READ_TOGETHER, approvedApplications.size()))));
        }
        return stories;
    }

    /**
     * The stories of these applications, from their events of the kinds a story needs, read together as the storage
     * engine would read them one application at a time (the same rows, upcast and deserialized by Axon).
     */
    private List<Story> stories(List<String> applications) {
        List<DomainEventData<byte[]>> rows = jdbc.sql("""
                        select event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        from domain_event_entry
                        where aggregate_identifier = any(:applications) and payload_type = any(:types)
                        order by aggregate_identifier, sequence_number""")
                .param("applications", applications.toArray(String[]::new))
                .param("types", STORY_EVENTS.toArray(String[]::new))
                .query((rs, n) -> (DomainEventData<byte[]>) new GenericDomainEventEntry<>(rs.getString("type"),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("event_identifier"),
                        rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                        rs.getBytes("payload"), rs.getBytes("meta_data")))
                .list();
        Map<String, List<ApplicationEvent>> histories = new LinkedHashMap<>();
        EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), serializer, upcasters).asStream()
                .forEach(m -> histories.computeIfAbsent(m.getAggregateIdentifier(), a -> new ArrayList<>())
                        .add((ApplicationEvent) m.getPayload()));
        List<Story> stories = new ArrayList<>();
        for (List<ApplicationEvent> history : histories.values()) {
            story(history).filter(s -> s.approved() != null).ifPresent(stories::add);
        }
        return stories;
    }

    private static Optional<Story> story(List<ApplicationEvent> history) {
        if (history.isEmpty() || !(history.get(0) instanceof ApplicationSubmitted submitted)) {
            return Optional.empty();
        }
        Money cost = submitted.form().project().services().stream().map(ApplicationForm.Service::costEur)
                .reduce(Money.ZERO, Money::plus);
        VoucherApproved approved = null;
        VoucherCompleted completed = null;
        VoucherExpired expired = null;
        Map<UUID, Money> invoicedByOrder = new java.util.HashMap<>();
        Money providersPaid = Money.ZERO;
        Money invoicedPaid = Money.ZERO;
        for (ApplicationEvent e : history) {
            if (e instanceof PaymentEvent.PaymentProposed proposed) {
                invoicedByOrder.put(proposed.paymentId(), proposed.invoicedEur());
            } else if (e instanceof PaymentEvent.PaymentMade made) {
                providersPaid = providersPaid.plus(made.amount());
                invoicedPaid = invoicedPaid.plus(invoicedByOrder.getOrDefault(made.paymentId(), Money.ZERO));
            }
            if (e instanceof VoucherApproved a) {
                approved = a;
            } else if (e instanceof VoucherCompleted c) {
                completed = c;
            } else if (e instanceof VoucherExpired x) {
                expired = x;
            } else if (e instanceof ApplicationEvent.InformationRequestExpired x && x.releasedAmount() != null) {
                // asked about at completion and not answered: the voucher's money went back as if it had expired
                expired = new VoucherExpired(x.applicationId(), x.callId(), x.releasedAmount(), x.occurredAt());
            }
        }
        return Optional.of(new Story(submitted.trackingCode(), cost, approved, completed, expired, providersPaid, invoicedPaid));
    }
}
