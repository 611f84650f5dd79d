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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.util.List;

/**
 * The applicant's view of each application, one JSON document per application, changed by each event as
 * {@link ApplicationDocument} says. A tracking processor ("applicant-view"): it can be reset and rebuilt from the
 * events to the same content.
 */
@Component
@ProcessingGroup(ApplicationViewProjection.GROUP)
class ApplicationViewProjection {

    static final String GROUP = "applicant-view";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationDocument document;
    private final EventStore events;
    private final java.util.Map<String, String> providerNames = new java.util.concurrent.ConcurrentHashMap<>();

    ApplicationViewProjection(JdbcClient jdbc, JsonMapper json, EventStore events) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.document = new ApplicationDocument(json, this::providerName);
    }

    @EventHandler
    void on(ApplicationSubmitted e, @SequenceNumber long sequence) {
        ObjectNode doc = document.submitted(e);
        jdbc.sql("""
                        insert into application_view (id, tracking_code, applicant_id, enterprise_mb, enterprise_name, status,
                            call_id, submitted_at, updated_at, doc)
                        values (:id, :code, :applicant, :mb, :name, :status, :call, :at, :at, cast(:doc as jsonb))
                        on conflict (id) do nothing""")
                .param("id", e.applicationId()).param("code", e.trackingCode()).param("applicant", e.applicantId())
                .param("mb", e.form().enterprise().mb().value()).param("name", e.form().enterprise().name())
                .param("status", e.status().name()).param("call", e.callId())
                .param("at", Timestamp.from(e.occurredAt())).param("doc", json.writeValueAsString(doc))
                .update();
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
        jdbc.sql("""
                        update application_view set enterprise_name = :erased, updated_at = :at, doc = cast(:doc as jsonb),
                            last_sequence = :sequence where id = :id and last_sequence < :sequence""")
                .param("erased", SealedText.ERASED).param("at", Timestamp.from(e.occurredAt())).param("sequence", sequence)
                .param("doc", json.writeValueAsString(document.fold(history))).param("id", e.applicationId())
                .update();
    }

    @EventHandler
    void on(ApplicationEvent e, @SequenceNumber long sequence) {
        if (ApplicationDocument.changesTheView(e)) {
            update(e, sequence);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from application_view").update();
    }

    /**
     * Applies an event once: an event at or below the row's last sequence was applied already (delivered again when a
     * segment moved to another instance before its token was stored) and changes nothing.
     */
    private void update(ApplicationEvent e, long sequence) {
        record Row(String doc, long lastSequence) {
        }
        Row current = jdbc.sql("select doc::text as doc, last_sequence from application_view where id = :id for update")
                .param("id", e.applicationId()).query((rs, n) -> new Row(rs.getString("doc"), rs.getLong("last_sequence")))
                .optional().orElse(null);
        if (current == null || sequence <= current.lastSequence()) {
            return; // not submitted (cannot happen in order), or applied already
        }
        ObjectNode doc = (ObjectNode) json.readTree(current.doc());
        document.apply(doc, e);
        jdbc.sql("""
                        update application_view set status = :status, updated_at = :at, doc = cast(:doc as jsonb),
                            last_sequence = :sequence where id = :id""")
                .param("status", e.status().name()).param("at", Timestamp.from(e.occurredAt())).param("sequence", sequence)
                .param("doc", json.writeValueAsString(doc)).param("id", e.applicationId())
                .update();
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
