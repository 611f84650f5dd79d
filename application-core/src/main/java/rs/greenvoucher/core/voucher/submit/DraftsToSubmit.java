package rs.greenvoucher.core.voucher.submit;

import rs.greenvoucher.core.documents.DocumentStore;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The port to the drafts a submission is made from (the drafts package adapts it), in the command's transaction. */
public interface DraftsToSubmit {

    /** The applicant's draft, locked until the submission commits, with its documents; empty if it is not theirs. */
    Optional<List<DocumentStore.Stored>> lock(String applicantId, UUID draftId);

    /** The documents of the applicant's draft as they are now (the dry run); empty if it is not theirs. */
    List<DocumentStore.Stored> documents(String applicantId, UUID draftId);

    /** The draft became the application: its documents stay, the draft goes. */
    void submitted(String applicantId, UUID draftId);
}
