package rs.greenvoucher.core.documents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.DocumentRules;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.voucher.attach.DocumentFiles;
import rs.greenvoucher.platform.privacy.PersonalKeys;
import rs.greenvoucher.platform.refusal.Refusal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The documents' bytes, sealed with their application's key (docs/adr/0028), in core's database. Joins the caller's
 * transaction: a document attached to an application is stored with its event. Per application at most
 * {@link DocumentRules#MAX_FILES} files and {@link DocumentRules#MAX_APPLICATION_BYTES}, counted under a lock on the
 * application so that parallel uploads cannot pass the cap together.
 */
@Component
public class DocumentStore implements DocumentFiles {

    /** A stored document without its bytes; {@code fileName} is sealed; {@code draftId} is set until it is submitted. */
    public record Stored(UUID id, UUID subject, UUID draftId, DocumentKind kind, String providerCode, String fileName, String mediaType,
                         boolean inlineSafe, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

        public DocumentRules.Attached attached() {
            return new DocumentRules.Attached(kind, providerCode);
        }
    }

    /** A document's bytes in the clear (null once erased), with how it may be served. */
    public record Content(Stored document, String fileName, byte[] bytes) {
    }

    private static final String COLUMNS = """
            id, subject, draft_id, kind, provider_code, file_name, media_type, inline_safe, size_bytes, sha256, uploaded_by, uploaded_at""";

    private final JdbcClient jdbc;
    private final PersonalKeys keys;

    DocumentStore(JdbcClient jdbc, PersonalKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Seals and stores one file of {@code subject} (an application, or the draft that becomes it). */
    public Stored store(UUID subject, UUID draftId, String applicantId, Upload upload, String uploadedBy, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('documents:' || :s))").param("s", subject.toString()).query().singleRow();
        var totals = jdbc.sql("select count(*) as files, coalesce(sum(size_bytes), 0) as bytes from application_document where subject = :s")
                .param("s", subject).query((rs, n) -> new long[] {rs.getLong("files"), rs.getLong("bytes")}).single();
        if (totals[0] >= DocumentRules.MAX_FILES) {
            throw new Refusal(RefusalCode.VALIDATION_FAILED, "An application carries at most " + DocumentRules.MAX_FILES
                    + " documents; delete one first.", List.of(new Refusal.Field("file", "too many documents")));
        }
        if (totals[1] + upload.bytes().length > DocumentRules.MAX_APPLICATION_BYTES) {
            throw new Refusal(RefusalCode.VALIDATION_FAILED, "An application's documents may be at most 50 MiB in all.",
                    List.of(new Refusal.Field("file", "the application's documents would be over 50 MiB")));
        }
        byte[] key = keys.keyFor(subject.toString(), applicantId);
        if (key == null) {
            throw Refusal.notFound("No such resource.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into application_document (id, subject, draft_id, applicant_id, kind, provider_code, file_name,
                            media_type, inline_safe, size_bytes, sha256, content, uploaded_by, uploaded_at)
                        values (:id, :subject, :draft, :applicant, :kind, :provider, :name, :type, :inline, :size, :sha,
                            :content, :by, :at)""")
                .param("id", id).param("subject", subject).param("draft", draftId).param("applicant", applicantId)
                .param("kind", upload.kind().name()).param("provider", upload.providerCode())
                .param("name", SealedText.seal(key, subject.toString(), upload.fileName()))
                .param("type", upload.mediaType()).param("inline", upload.inlineSafe()).param("size", upload.bytes().length)
                .param("sha", upload.sha256()).param("content", SealedText.sealBytes(key, subject.toString(), upload.bytes()))
                .param("by", uploadedBy).param("at", Timestamp.from(now)).update();
        return find(subject, id).orElseThrow();
    }

    @Override
    public Stored attachBy(UUID applicationId, String applicantId, Upload upload, String uploadedBy, Instant at) {
        return store(applicationId, null, applicantId, upload, uploadedBy, at);
    }

    public boolean isDraftOf(String applicantId, UUID draftId) {
        return jdbc.sql("select exists(select 1 from application_draft where id = :id and applicant_id = :a)")
                .param("id", draftId).param("a", applicantId).query(Boolean.class).single();
    }

    /** Whose application (or draft) it is: its applicant's id, if it has documents or a key. */
    public Optional<String> applicantOf(UUID subject) {
        return jdbc.sql("select applicant_id from personal_key where subject = :s").param("s", subject.toString())
                .query(String.class).optional();
    }

    /** An application's documents (a draft's are not an application's until it is submitted). */
    public List<Stored> of(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from application_document where subject = :s and draft_id is null "
                        + "order by uploaded_at, id").param("s", applicationId).query(DocumentStore::stored).list();
    }

    public List<Stored> ofDraft(UUID draftId) {
        return jdbc.sql("select " + COLUMNS + " from application_document where draft_id = :d order by uploaded_at, id")
                .param("d", draftId).query(DocumentStore::stored).list();
    }

    public Optional<Stored> find(UUID subject, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from application_document where subject = :s and id = :id")
                .param("s", subject).param("id", id).query(DocumentStore::stored).optional();
    }

    public Optional<Content> content(UUID subject, UUID id) {
        return find(subject, id).map(d -> {
            byte[] key = keys.find(subject.toString());
            byte[] sealed = jdbc.sql("select content from application_document where id = :id").param("id", id)
                    .query((rs, n) -> rs.getBytes(1)).single();
            return new Content(d, SealedText.open(key, subject.toString(), d.fileName()),
                    SealedText.openBytes(key, subject.toString(), sealed));
        });
    }

    /** A draft's document, deleted by its applicant before submission. */
    public boolean deleteFromDraft(UUID draftId, UUID id) {
        return jdbc.sql("delete from application_document where draft_id = :d and id = :id")
                .param("d", draftId).param("id", id).update() > 0;
    }

    /** The draft's documents now belong to the application it became: they outlive the draft. */
    public void keepForApplication(UUID draftId) {
        jdbc.sql("update application_document set draft_id = null where draft_id = :d").param("d", draftId).update();
    }

    public DocumentView view(Stored d) {
        byte[] key = keys.find(d.subject().toString());
        return new DocumentView(d.id(), d.kind(), d.providerCode(), SealedText.open(key, d.subject().toString(), d.fileName()),
                d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(), d.uploadedAt());
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("subject", UUID.class), rs.getObject("draft_id", UUID.class),
                DocumentKind.valueOf(rs.getString("kind")), rs.getString("provider_code"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getBoolean("inline_safe"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
