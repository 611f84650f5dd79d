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

    /** On the list under {@code code}, in the same transaction as the registry's ProviderQualified. */
    record ProviderApplicationApproved(UUID applicationId, ProviderCode code, String note, String by, Instant occurredAt)
            implements ProviderApplicationEvent {
    }

    record ProviderApplicationRefused(UUID applicationId, List<RuleCode> ruleCodes, String reason, String by, Instant occurredAt)
            implements ProviderApplicationEvent {
    }
}
