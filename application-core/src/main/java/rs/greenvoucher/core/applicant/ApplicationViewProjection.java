package rs.greenvoucher.core.applicant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.platform.axon.ProjectionWrites;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The applicant's view of each application, one JSON document per application, changed by each event as
 * {@link ApplicationDocument} says. A tracking processor ("applicant-view"): it can be reset and rebuilt from the
 * events to the same content. Within a batch of events an application's row is read at most once and stored once
 * ({@link ProjectionWrites}).
 */
@Component
@ProcessingGroup(ApplicationViewProjection.GROUP)
class ApplicationViewProjection {

    static final String GROUP = "applicant-view";

    private final ProjectionWrites writes;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationDocument document;
    private final EventStore events;
    private final ViewRows viewRows;
    private final java.util.Map<String, String> providerNames = new java.util.concurrent.ConcurrentHashMap<>();

    ApplicationViewProjection(ProjectionWrites writes, JdbcClient jdbc, JsonMapper json, EventStore events, ViewRows viewRows) {
        this.writes = writes;
        this.viewRows = viewRows;
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.document = new ApplicationDocument(json, this::providerName);
    }

    @EventHandler
    void on(ApplicationSubmitted e, @SequenceNumber long sequence) {
        Map<UUID, ViewRow> rows = batchRows();
        Map<UUID, ViewRow> now = rows == null ? new HashMap<>() : rows;
        now.put(e.applicationId(), new ViewRow(e.applicationId(), e.trackingCode(), e.applicantId(), e.form().enterprise().mb().value(),
                e.form().enterprise().name(), e.status().name(), e.callId(), e.occurredAt(), e.occurredAt(), document.submitted(e), sequence));
        if (rows == null) {
            viewRows.store(now);
        }
    }

    /**
     * The document is folded again from the events up to this one, which read as erased now that the key is gone:
     * every personal text, also those inside timeline notes, is blanked exactly as a rebuild would.
     */
    @EventHandler
    void on(PersonalDataErased e, @SequenceNumber long sequence) {
        List<ApplicationEvent> history = events.readEvents(e.applicationId().toString(), 0).asStream()
                .filter(m -> m.getSequenceNumber() <= sequence).map(DomainEventMessage::getPayload)
                .filter(ApplicationEvent.class::isInstance).map(ApplicationEvent.class::cast).toList();
        change(e, sequence, row -> {
            row.enterpriseName = SealedText.ERASED;
            row.doc = document.fold(history);
        });
    }

    @EventHandler
    void on(ApplicationEvent e, @SequenceNumber long sequence) {
        if (ApplicationDocument.changesTheView(e)) {
            change(e, sequence, row -> {
                row.status = e.status().name();
                document.apply(row.doc, e);
            });
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from application_view").update();
    }

    /**
     * Applies an event once: an event at or below the row's last sequence was applied already (delivered again when a
     * segment moved to another instance before its token was stored) and changes nothing. Within a processor's batch
     * the row stays in memory and is stored once when the batch commits.
     */
    private void change(ApplicationEvent e, long sequence, Consumer<ViewRow> change) {
        Map<UUID, ViewRow> rows = batchRows();
        Map<UUID, ViewRow> now = rows == null ? new HashMap<>() : rows;
        ViewRow row = now.computeIfAbsent(e.applicationId(), viewRows::load);
        if (row == null || sequence <= row.lastSequence) {
            return; // not submitted (cannot happen in order), or applied already
        }
        change.accept(row);
        row.updatedAt = e.occurredAt();
        row.lastSequence = sequence;
        if (rows == null) {
            viewRows.store(now);
        }
    }

    private Map<UUID, ViewRow> batchRows() {
        return writes.rows(GROUP, viewRows::store);
    }

    /**
     * A provider's name as the registry has it; null for a code not on the list. Names do not change, so a name found
     * is kept (it was one query per provider of every submission); a code not found is asked again, as it may be added.
     */
    String providerName(ProviderCode code) {
        String known = providerNames.get(code.value());
        if (known != null) {
            return known;
        }
        String name = jdbc.sql("select name from provider where code = :code").param("code", code.value())
                .query(String.class).optional().orElse(null);
        if (name != null) {
            providerNames.put(code.value(), name);
        }
        return name;
    }
}
