package rs.greenvoucher.core.applicant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationRejected;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationScreened;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.DecisionRefused;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherApproved;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherCompleted;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.value.ProviderCode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The applicant's view of each application, one JSON document per application. A tracking processor
 * ("applicant-view"): it can be reset and rebuilt from the events to the same content.
 */
@Component
@ProcessingGroup(ApplicationViewProjection.GROUP)
class ApplicationViewProjection {

    static final String GROUP = "applicant-view";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationViewProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ApplicationSubmitted e, @SequenceNumber long sequence) {
        ObjectNode doc = json.createObjectNode();
        doc.put("id", e.applicationId().toString());
        doc.put("trackingCode", e.trackingCode());
        doc.put("status", e.status().name());
        doc.put("callId", e.callId().toString());
        doc.put("submittedAt", e.occurredAt().toString());
        doc.set("enterprise", json.valueToTree(e.form().enterprise()));
        doc.set("project", json.valueToTree(e.form().project()));
        doc.set("providerCodes", json.valueToTree(e.form().providerCodes()));
        doc.set("declarations", json.valueToTree(e.form().declarations()));
        doc.set("providers", providers(e.form().providerCodes()));
        doc.putNull("voucher");
        doc.putNull("rejection");
        doc.putNull("completionReport");
        doc.set("timeline", json.createArrayNode());
        String language = e.applicantLanguage() == null ? "sr" : e.applicantLanguage();
        doc.put("language", language);
        addTimeline(doc, e, new TimelineNotes(language).submitted(e.trackingCode()));
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

    @EventHandler
    void on(ApplicationScreened e, @SequenceNumber long sequence) {
        update(e, sequence, notes -> notes.screened(e.noteToApplicant()), doc -> {
        });
    }

    @EventHandler
    void on(ProvidersMatched e, @SequenceNumber long sequence) {
        ArrayNode providers = providers(e.providerCodes());
        String names = stream(providers).map(p -> p.get("name").asString()).collect(Collectors.joining("; "));
        update(e, sequence, notes -> notes.matched(names), doc -> doc.set("providers", providers));
    }

    @EventHandler
    void on(VoucherApproved e, @SequenceNumber long sequence) {
        update(e, sequence, notes -> notes.approved(e.amount().amount(), e.validUntil()), doc -> {
            ObjectNode voucher = doc.putObject("voucher");
            voucher.put("amountEur", e.amount().amount());
            voucher.put("validUntil", e.validUntil().toString());
            voucher.put("approvedAt", e.occurredAt().toString());
        });
    }

    @EventHandler
    void on(ApplicationRejected e, @SequenceNumber long sequence) {
        update(e, sequence, notes -> notes.rejected(e.stage(), e.ruleCodes(), e.reason()), doc -> {
            ObjectNode rejection = doc.putObject("rejection");
            rejection.put("stage", e.stage().name());
            rejection.set("ruleCodes", json.valueToTree(e.ruleCodes()));
            rejection.put("reason", e.reason());
        });
    }

    @EventHandler
    void on(ApplicationWithdrawn e, @SequenceNumber long sequence) {
        update(e, sequence, notes -> notes.withdrawn(e.reason()), doc -> {
        });
    }

    @EventHandler
    void on(CompletionReported e, @SequenceNumber long sequence) {
        update(e, sequence, TimelineNotes::completionReported, doc -> doc.set("completionReport", json.valueToTree(e.report())));
    }

    @EventHandler
    void on(CompletionReportReturned e, @SequenceNumber long sequence) {
        update(e, sequence, notes -> notes.completionReturned(e.note()), doc -> {
        });
    }

    @EventHandler
    void on(VoucherCompleted e, @SequenceNumber long sequence) {
        update(e, sequence, notes -> notes.completed(e.paidAmount().amount()), doc -> {
            ObjectNode voucher = (ObjectNode) doc.get("voucher");
            if (voucher != null) {
                voucher.put("paidEur", e.paidAmount().amount());
                voucher.put("completedAt", e.occurredAt().toString());
            }
        });
    }

    @EventHandler
    void on(VoucherExpired e, @SequenceNumber long sequence) {
        update(e, sequence, TimelineNotes::expired, doc -> {
        });
    }

    @EventHandler
    void on(DecisionRefused e, @SequenceNumber long sequence) {
        // internal: an evaluator's decision that could not be applied changes nothing the applicant sees
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from application_view").update();
    }

    /**
     * Applies an event once: an event at or below the row's last sequence was applied already (delivered again when a
     * segment moved to another instance before its token was stored) and changes nothing.
     */
    private void update(ApplicationEvent e, long sequence, java.util.function.Function<TimelineNotes, String> note,
                        java.util.function.Consumer<ObjectNode> change) {
        record Row(String doc, long lastSequence) {
        }
        Row current = jdbc.sql("select doc::text as doc, last_sequence from application_view where id = :id for update")
                .param("id", e.applicationId()).query((rs, n) -> new Row(rs.getString("doc"), rs.getLong("last_sequence")))
                .optional().orElse(null);
        if (current == null || sequence <= current.lastSequence()) {
            return; // not submitted (cannot happen in order), or applied already
        }
        ObjectNode doc = (ObjectNode) json.readTree(current.doc());
        change.accept(doc);
        doc.put("status", e.status().name());
        addTimeline(doc, e, note.apply(new TimelineNotes(doc.path("language").asString("sr"))));
        jdbc.sql("""
                        update application_view set status = :status, updated_at = :at, doc = cast(:doc as jsonb),
                            last_sequence = :sequence where id = :id""")
                .param("status", e.status().name()).param("at", Timestamp.from(e.occurredAt())).param("sequence", sequence)
                .param("doc", json.writeValueAsString(doc)).param("id", e.applicationId())
                .update();
    }

    private void addTimeline(ObjectNode doc, ApplicationEvent e, String note) {
        ObjectNode entry = ((ArrayNode) doc.get("timeline")).addObject();
        entry.put("status", e.status().name());
        entry.put("at", e.occurredAt().toString());
        entry.put("note", note);
    }

    private ArrayNode providers(List<ProviderCode> codes) {
        ArrayNode array = json.createArrayNode();
        for (ProviderCode code : codes) {
            String name = jdbc.sql("select name from provider where code = :code").param("code", code.value())
                    .query(String.class).optional().orElse(null);
            array.addObject().put("code", code.value()).put("name", name);
        }
        return array;
    }

    private static java.util.stream.Stream<tools.jackson.databind.JsonNode> stream(ArrayNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
