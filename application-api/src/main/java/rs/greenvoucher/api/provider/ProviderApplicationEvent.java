package rs.greenvoucher.api.provider;

import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to a pre-qualification application; each step names who took it and when. */
public sealed interface ProviderApplicationEvent {

    UUID applicationId();

    Instant occurredAt();

    record ProviderApplicationSubmitted(UUID applicationId, UUID accountId, Organisation organisation, Instant occurredAt)
            implements ProviderApplicationEvent {
    }

    /**
     * A document of the application (a register extract, a reference, an accreditation), stored sealed beside the
     * events (docs/adr/0028); the event keeps its kind, size and SHA-256, so the audit can show what was seen.
     */
    record ProviderDocumentAttached(UUID applicationId, UUID documentId, rs.greenvoucher.api.value.DocumentKind kind,
                                    long sizeBytes, String sha256, UUID accountId, Instant occurredAt) implements ProviderApplicationEvent {
    }

    /** On the list under {@code code}, in the same transaction as the registry's ProviderQualified. */
    record ProviderApplicationApproved(UUID applicationId, ProviderCode code, String note, String by, Instant occurredAt)
            implements ProviderApplicationEvent {
    }

    record ProviderApplicationRefused(UUID applicationId, List<RuleCode> ruleCodes, String reason, String by, Instant occurredAt)
            implements ProviderApplicationEvent {
    }
}
