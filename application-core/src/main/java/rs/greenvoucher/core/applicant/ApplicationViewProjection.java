package rs.greenvoucher.core.applicant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.platform.axon.ProjectionWrites;
import rs.greenvoucher.platform.privacy.PersonalJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.time.Instant;
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
    private final java.util.Map<String, String> providerNames = new java.util.concurrent.ConcurrentHashMap<>();

    ApplicationViewProjection(ProjectionWrites writes, JdbcClient jdbc, JsonMapper json, EventStore events) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.document = new ApplicationDocument(json, this::providerName);
    }

    @EventHandler
    void on(ApplicationSubmitted e, @SequenceNumber long sequence) {
        Map<UUID, Row> rows = batchRows();
        Map<UUID, Row> now = rows == null ? new HashMap<>() : rows;
        now.put(e.applicationId(), new Row(e.applicationId(), e.trackingCode(), e.applicantId(), e.form().enterprise().mb().value(),
                e.form().enterprise().name(), e.status().name(), e.callId(), e.occurredAt(), e.occurredAt(), document.submitted(e), sequence));
        if (rows == null) {
            store(now);
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
    private void change(ApplicationEvent e, long sequence, Consumer<Row> change) {
        Map<UUID, Row> rows = batchRows();
        Map<UUID, Row> now = rows == null ? new HashMap<>() : rows;
        Row row = now.computeIfAbsent(e.applicationId(), this::load);
        if (row == null || sequence <= row.lastSequence) {
            return; // not submitted (cannot happen in order), or applied already
        }
        change.accept(row);
        row.updatedAt = e.occurredAt();
        row.lastSequence = sequence;
        if (rows == null) {
            store(now);
        }
    }

    private Map<UUID, Row> batchRows() {
        return writes.rows(GROUP, this::store);
    }

    /**
     * The stored row, its document read with every number exactly as stored (10800.00 stays 10800.00): a document
     * changed in memory within a batch and one read back between events must come out the same.
     */
    private Row load(UUID id) {
        return jdbc.sql("""
                        select tracking_code, applicant_id, enterprise_mb, enterprise_name, status, call_id, submitted_at,
                            updated_at, doc::text as doc, last_sequence
                        from application_view where id = :id for update""")
                .param("id", id)
                .query((rs, n) -> new Row(id, rs.getString("tracking_code"), rs.getString("applicant_id"), rs.getString("enterprise_mb"),
                        rs.getString("enterprise_name"), rs.getString("status"), rs.getObject("call_id", UUID.class),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        (ObjectNode) PersonalJson.EXACT.readTree(rs.getString("doc")), rs.getLong("last_sequence")))
                .optional().orElse(null);
    }

    /** Stores rows, each only over an older state of itself (a row stored by another instance further on stays). */
    private void store(Map<UUID, Row> rows) {
        for (Row row : rows.values()) {
            writes.update(row.id, """
                            insert into application_view (id, tracking_code, applicant_id, enterprise_mb, enterprise_name, status,
                                call_id, submitted_at, updated_at, doc, last_sequence)
                            values (:id, :code, :applicant, :mb, :name, :status, :call, :submitted, :updated, cast(:doc as jsonb), :sequence)
                            on conflict (id) do update set enterprise_name = excluded.enterprise_name, status = excluded.status,
                                updated_at = excluded.updated_at, doc = excluded.doc, last_sequence = excluded.last_sequence
                            where application_view.last_sequence < excluded.last_sequence""",
                    new MapSqlParameterSource("id", row.id).addValue("code", row.trackingCode).addValue("applicant", row.applicantId)
                            .addValue("mb", row.mb).addValue("name", row.enterpriseName).addValue("status", row.status)
                            .addValue("call", row.callId).addValue("submitted", Timestamp.from(row.submittedAt))
                            .addValue("updated", Timestamp.from(row.updatedAt)).addValue("doc", json.writeValueAsString(row.doc))
                            .addValue("sequence", row.lastSequence));
        }
    }

    /** An application's row as the events so far make it. */
    private static final class Row {
        final UUID id;
        final String trackingCode;
        final String applicantId;
        final String mb;
        String enterpriseName;
        String status;
        final UUID callId;
        final Instant submittedAt;
        Instant updatedAt;
        ObjectNode doc;
        long lastSequence;

        Row(UUID id, String trackingCode, String applicantId, String mb, String enterpriseName, String status, UUID callId,
            Instant submittedAt, Instant updatedAt, ObjectNode doc, long lastSequence) {
            this.id = id;
            this.trackingCode = trackingCode;
            this.applicantId = applicantId;
            this.mb = mb;
            this.enterpriseName = enterpriseName;
            this.status = status;
            this.callId = callId;
            this.submittedAt = submittedAt;
            this.updatedAt = updatedAt;
            this.doc = doc;
            this.lastSequence = lastSequence;
        }
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
