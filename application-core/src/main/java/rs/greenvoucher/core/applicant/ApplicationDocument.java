package rs.greenvoucher.core.applicant;

import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionKind;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationScreened;
import rs.greenvoucher.api.application.DecisionEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.DecisionEvent.DecisionCorrected;
import rs.greenvoucher.api.application.DecisionEvent.DecisionRefused;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.platform.privacy.PersonalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What each event does to the applicant's view of an application, in one place: the projection applies it to the
 * stored document, time travel ({@link ApplicationHistory}) to a document rebuilt in memory from the events up to an
 * instant, so both give the same document for the same events.
 */
final class ApplicationDocument {

    private final JsonMapper json;
    private final Function<ProviderCode, String> providerName;

    ApplicationDocument(JsonMapper json, Function<ProviderCode, String> providerName) {
        this.json = json;
        this.providerName = providerName;
    }

    /** The document right after the submission: the view with the form as submitted and the first line of its timeline. */
    ObjectNode submitted(ApplicationSubmitted e) {
        String language = e.applicantLanguage() == null ? "sr" : e.applicantLanguage();
        ApplicationForm form = e.form();
        return json.valueToTree(new ApplicationView(e.applicationId(), e.trackingCode(), e.status(), e.callId(), e.occurredAt(),
                form.enterprise(), form.project(), form.providerCodes(), form.declarations(), named(form.providerCodes()), null, null,
                null, language, List.of(new ApplicationView.TimelineEntry(e.status(), e.occurredAt(),
                        new TimelineNotes(language).submitted(e.trackingCode()))), null));
    }

    /** The document after these events, the first of them the submission. */
    ObjectNode fold(List<ApplicationEvent> events) {
        ObjectNode doc = submitted((ApplicationSubmitted) events.get(0));
        for (ApplicationEvent e : events.subList(1, events.size())) {
            if (changesTheView(e)) {
                apply(doc, e);
            }
        }
        return doc;
    }

    /**
     * Whether the applicant sees this event at all: a decision core refused is internal; documents, invoices and
     * payments are listed apart (the money: GET /api/applications/{id}/money).
     */
    static boolean changesTheView(ApplicationEvent e) {
        return !(e instanceof DecisionRefused) && !(e instanceof ApplicationSubmitted)
                && !(e instanceof rs.greenvoucher.api.application.PaymentEvent)
                && !(e instanceof CorrectionProposed) && !(e instanceof CorrectionDeclined)
                && !(e instanceof ApplicationEvent.DocumentAttached) && !(e instanceof ApplicationEvent.ReplyReminderDue);
    }

    /** Applies a later event to the document: its own change, the status after it and its line on the timeline. */
    void apply(ObjectNode doc, ApplicationEvent e) {
        String language = doc.path("language").asString("sr");
        TimelineNotes notes = new TimelineNotes(language);
        String note;
        if (e instanceof ApplicationScreened s) {
            note = notes.screened(s.noteToApplicant());
        } else if (e instanceof ProvidersMatched m) {
            ArrayNode providers = providers(m.providerCodes());
            note = notes.matched(StreamSupport.stream(providers.spliterator(), false)
                    .map(p -> rs.greenvoucher.api.text.ProviderNames.name(p.get("code").asString(), p.get("name").asString(), language))
                    .collect(Collectors.joining("; ")));
            doc.set("providers", providers);
        } else if (e instanceof VoucherApproved a) {
            note = notes.approved(a.amount().amount(), a.validUntil());
            ObjectNode voucher = doc.putObject("voucher");
            voucher.put("amountEur", a.amount().amount());
            voucher.put("validUntil", a.validUntil().toString());
            voucher.put("approvedAt", a.occurredAt().toString());
        } else if (e instanceof ApplicationRejected r) {
            note = notes.rejected(r.stage(), r.ruleCodes(), r.reason());
            ObjectNode rejection = doc.putObject("rejection");
            rejection.put("stage", r.stage().name());
            rejection.set("ruleCodes", json.valueToTree(r.ruleCodes()));
            rejection.put("reason", r.reason());
        } else if (e instanceof ApplicationWithdrawn w) {
            note = notes.withdrawn(w.reason());
        } else if (e instanceof CompletionReported c) {
            note = notes.completionReported();
            doc.set("completionReport", json.valueToTree(c.report()));
        } else if (e instanceof CompletionReportReturned r) {
            note = notes.completionReturned(r.note());
        } else if (e instanceof VoucherCompleted c) {
            note = notes.completed(c.paidAmount().amount());
            JsonNode voucher = doc.get("voucher");
            if (voucher instanceof ObjectNode v) {
                v.put("paidEur", c.paidAmount().amount());
                v.put("completedAt", c.occurredAt().toString());
            }
        } else if (e instanceof VoucherExpired) {
            note = notes.expired();
        } else if (e instanceof InformationRequested r) {
            note = notes.informationRequested(r.replyBy(), r.message());
            doc.set("informationRequest", json.valueToTree(new ApplicationView.InformationRequest(r.stage(), r.message(),
                    r.documentKinds(), r.fields(), r.replyBy(), r.occurredAt())));
        } else if (e instanceof ApplicationEvent.InformationProvided p) {
            note = notes.replied(p.reply());
            doc.putNull("informationRequest");
            if (p.form() != null) {
                doc.set("enterprise", json.valueToTree(p.form().enterprise()));
                doc.set("project", json.valueToTree(p.form().project()));
            }
        } else if (e instanceof ApplicationEvent.InformationRequestExpired x) {
            note = notes.informationExpired(x.replyBy());
            doc.putNull("informationRequest");
        } else if (e instanceof DecisionCorrected c) {
            note = notes.corrected(c.stage(), c.kind() == CorrectionKind.REINSTATE, c.reason());
            if (c.kind() == CorrectionKind.REINSTATE) {
                doc.putNull("rejection");
            }
            if (c.releasedAmount() != null) {
                doc.putNull("voucher");
            }
        } else if (e instanceof PersonalDataErased) {
            // the events read as erased already (their key is gone); this blanks a document kept from before
            note = notes.erased();
            PersonalJson.erase(doc, PersonalData.FORM);
            PersonalJson.erase(doc, List.of("completionReport.summary", "completionReport.deliverables[]"));
        } else {
            throw new IllegalArgumentException("not a change of the view: " + e.getClass().getSimpleName());
        }
        doc.put("status", e.status().name());
        addTimeline(doc, e, note);
    }

    private void addTimeline(ObjectNode doc, ApplicationEvent e, String note) {
        ((ArrayNode) doc.get("timeline")).add((JsonNode) json.valueToTree(new ApplicationView.TimelineEntry(e.status(), e.occurredAt(), note)));
    }

    private ArrayNode providers(List<ProviderCode> codes) {
        return json.valueToTree(named(codes));
    }

    private List<ApplicationView.NamedProvider> named(List<ProviderCode> codes) {
        return codes.stream().map(code -> new ApplicationView.NamedProvider(code.value(), providerName.apply(code))).toList();
    }
}
