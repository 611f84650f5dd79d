package rs.greenvoucher.core.applicant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Time travel: an application exactly as it stood at an instant, rebuilt from its events (from the first, never a
 * snapshot) that had happened by then, with the same {@link ApplicationDocument} the live view is kept with.
 */
@Component
class ApplicationHistory {

    private final EventStore events;
    private final ApplicationDocument document;

    ApplicationHistory(EventStore events, JsonMapper json, JdbcClient jdbc) {
        this.events = events;
        this.document = new ApplicationDocument(json, code -> jdbc.sql("select name from provider where code = :code")
                .param("code", code.value()).query(String.class).optional().orElse(null));
    }

    /** The application's events in order, as the event store holds them (upcast to today's revisions). */
    List<ApplicationEvent> events(UUID id) {
        return events.readEvents(id.toString(), 0).asStream().map(DomainEventMessage::getPayload)
                .filter(ApplicationEvent.class::isInstance).map(ApplicationEvent.class::cast).toList();
    }

    /**
     * The document as of {@code asOf}, if the application existed then and (for an applicant) is theirs. An
     * application of someone else is as absent as one that does not exist.
     */
    Optional<ObjectNode> asOf(UUID id, Instant asOf, String applicantOnly) {
        List<ApplicationEvent> history = events(id);
        if (history.isEmpty() || !(history.get(0) instanceof ApplicationSubmitted submitted)
                || submitted.occurredAt().isAfter(asOf)
                || (applicantOnly != null && !applicantOnly.equals(submitted.applicantId()))) {
            return Optional.empty();
        }
        return Optional.of(document.fold(history.stream().takeWhile(e -> !e.occurredAt().isAfter(asOf)).toList()));
    }
}
