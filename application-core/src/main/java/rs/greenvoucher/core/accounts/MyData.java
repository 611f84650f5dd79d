package rs.greenvoucher.core.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.drafts.Drafts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GDPR access: everything core keeps about one person, as one document: the account (never the password's hash),
 * each of their applications as it is now and every event of it as stored, and their drafts.
 */
@Component
record MyData(EventStore events, JdbcClient jdbc, JsonMapper json, Drafts drafts, DocumentStore documents, Clock clock) {

    record StoredEvent(long sequence, String type, Instant at, @Schema(description = "the event's fields as stored") JsonNode data) {
    }

    record MyApplication(UUID id, String trackingCode, @Schema(description = "the application as it is now") JsonNode current,
                         List<StoredEvent> events,
                         @Schema(description = "its documents; each file is at /api/applications/{id}/documents/{documentId}/content")
                         List<DocumentView> documents) {
    }

    record MyDataExport(Instant exportedAt, AccountView account, List<MyApplication> applications,
                  List<Drafts.Draft> drafts) {
    }

    MyDataExport of(Account account) {
        record Row(UUID id, String trackingCode, String doc) {
        }
        List<MyApplication> applications = jdbc.sql("""
                        select id, tracking_code, doc::text as doc from application_view where applicant_id = :me
                        order by submitted_at, id""")
                .param("me", account.id().toString())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("tracking_code"), rs.getString("doc")))
                .list().stream()
                .map(r -> new MyApplication(r.id(), r.trackingCode(), json.readTree(r.doc()), events(r.id()),
                        documents.of(r.id()).stream().map(documents::view).toList()))
                .toList();
        return new MyDataExport(clock.instant(), AccountController.view(account), applications,
                drafts.list(account.id().toString()));
    }

    private List<StoredEvent> events(UUID applicationId) {
        return events.readEvents(applicationId.toString(), 0).asStream()
                .map(m -> new StoredEvent(m.getSequenceNumber(), m.getPayloadType().getSimpleName(),
                        m.getTimestamp(), json.valueToTree(m.getPayload())))
                .toList();
    }
}
