package rs.greenvoucher.core.drafts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.voucher.submit.DraftsToSubmit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The drafts as a submission sees them: locked while it runs, their documents kept, deleted when it commits. */
@Component
record DraftSubmissions(JdbcClient jdbc, DocumentStore documents) implements DraftsToSubmit {

    @Override
    public Optional<List<DocumentStore.Stored>> lock(String applicantId, UUID draftId) {
        boolean mine = jdbc.sql("select id from application_draft where id = :id and applicant_id = :a for update")
                .param("id", draftId).param("a", applicantId).query(UUID.class).optional().isPresent();
        return mine ? Optional.of(documents.ofDraft(draftId)) : Optional.empty();
    }

    @Override
    public List<DocumentStore.Stored> documents(String applicantId, UUID draftId) {
        boolean mine = jdbc.sql("select exists(select 1 from application_draft where id = :id and applicant_id = :a)")
                .param("id", draftId).param("a", applicantId).query(Boolean.class).single();
        return mine ? documents.ofDraft(draftId) : List.of();
    }

    @Override
    public void submitted(String applicantId, UUID draftId) {
        documents.keepForApplication(draftId);
        jdbc.sql("delete from application_draft where id = :id and applicant_id = :a")
                .param("id", draftId).param("a", applicantId).update();
    }
}
