package rs.greenvoucher.core.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.core.drafts.Drafts;
import rs.greenvoucher.platform.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GDPR access: everything core keeps about the signed-in person, as one JSON document: the account (never the
 * password's hash), each of their applications as it is now and every event of it as stored, and their drafts.
 * The portal adds the mails the notification service sent them.
 */
@RestController
@Tag(name = "Accounts")
class MyDataController {

    private final AccountService accounts;
    private final EventStore events;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Drafts drafts;
    private final Clock clock;

    MyDataController(AccountService accounts, EventStore events, JdbcClient jdbc, JsonMapper json, Drafts drafts, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.drafts = drafts;
        this.clock = clock;
    }

    record StoredEvent(long sequence, String type, Instant at, @Schema(description = "the event's fields as stored") JsonNode data) {
    }

    record MyApplication(UUID id, String trackingCode, @Schema(description = "the application as it is now") JsonNode current,
                         List<StoredEvent> events) {
    }

    record MyData(Instant exportedAt, AccountController.AccountView account, List<MyApplication> applications,
                  List<Drafts.Draft> drafts) {
    }

    @GetMapping(path = "/api/accounts/me/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All my data that core keeps (GDPR access), as one JSON document to download")
    ResponseEntity<MyData> myData(JwtAuthenticationToken auth) {
        UUID me;
        try {
            me = UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
        Account account = accounts.find(me).orElseThrow(ApiException::notFound);
        record Row(UUID id, String trackingCode, String doc) {
        }
        List<MyApplication> applications = jdbc.sql("""
                        select id, tracking_code, doc::text as doc from application_view where applicant_id = :me
                        order by submitted_at, id""")
                .param("me", me.toString())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("tracking_code"), rs.getString("doc")))
                .list().stream()
                .map(r -> new MyApplication(r.id(), r.trackingCode(), json.readTree(r.doc()), events(r.id())))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"green-voucher-my-data.json\"")
                .body(new MyData(clock.instant(), AccountController.AccountView.of(account), applications,
                        drafts.list(me.toString())));
    }

    private List<StoredEvent> events(UUID applicationId) {
        return events.readEvents(applicationId.toString(), 0).asStream()
                .map(m -> new StoredEvent(m.getSequenceNumber(), m.getPayloadType().getSimpleName(),
                        m.getTimestamp(), json.valueToTree(m.getPayload())))
                .toList();
    }
}
