package rs.greenvoucher.api.provider;

import rs.greenvoucher.api.value.RuleCode;

import java.util.List;
import java.util.UUID;

/** An organisation's pre-qualification as a provider (P1–P3, L3), from its application to the ADMIN's decision. */
public sealed interface ProviderApplicationCommand {

    UUID applicationId();

    /** A PROVIDER account applies for its organisation; L3 is claimed for the MB at once, as a voucher claims it. */
    record ApplyToProvide(UUID applicationId, UUID accountId, Organisation organisation) implements ProviderApplicationCommand {
    }

    /** The ADMIN finds the P-rules met: the organisation joins the list (P1) and the account is linked to its code. */
    record ApproveProviderApplication(UUID applicationId, String note, String by) implements ProviderApplicationCommand {
    }

    /** The ADMIN refuses, naming the rules not met (P2, P3 or L3) and why; the MB is free again. */
    record RefuseProviderApplication(UUID applicationId, List<RuleCode> ruleCodes, String reason, String by)
            implements ProviderApplicationCommand {
    }
}
