package rs.greenvoucher.core.providers.prequalification;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import rs.greenvoucher.api.provider.Organisation;
import rs.greenvoucher.api.provider.ProviderApplicationEvent;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationApproved;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationRefused;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationSubmitted;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation's application to be pre-qualified as a provider (P3): submitted by its PROVIDER account, then
 * approved (it joins the list) or refused with the rules it does not meet. Decided once.
 */
@Aggregate
public class ProviderApplication {

    /** The rules an ADMIN may refuse an organisation on. */
    static final List<RuleCode> REFUSAL_RULES = List.of(RuleCode.P2, RuleCode.P3, RuleCode.L3);

    enum Status { SUBMITTED, APPROVED, REFUSED }

    @AggregateIdentifier
    private UUID id;
    private Organisation organisation;
    private UUID accountId;
    private Status status;

    protected ProviderApplication() {
        // for Axon
    }

    /** P2 at the door: an individual consultant is never a provider, so its application is not taken. */
    ProviderApplication(UUID id, UUID accountId, Organisation organisation, Instant now) {
        if (organisation.kind() == ProviderKind.INDIVIDUAL_CONSULTANT) {
            throw RuleViolation.individualConsultant();
        }
        apply(new ProviderApplicationSubmitted(id, accountId, organisation, now));
    }

    /** What the list needs to know of it; refused unless it waits for a decision. */
    Organisation toApprove() {
        requireSubmitted();
        return organisation;
    }

    UUID accountId() {
        return accountId;
    }

    /** The kinds an organisation attaches: its register extract, and anything else that shows its expertise. */
    static final java.util.Set<rs.greenvoucher.api.value.DocumentKind> DOCUMENT_KINDS =
            java.util.EnumSet.of(rs.greenvoucher.api.value.DocumentKind.REGISTER_EXTRACT, rs.greenvoucher.api.value.DocumentKind.OTHER);

    /** Only the account that applied, only while it waits, only the organisation's kinds. */
    void requireAttachable(UUID account, rs.greenvoucher.api.value.DocumentKind kind) {
        if (!accountId.equals(account)) {
            throw Refusal.notFound("No such resource.");
        }
        requireSubmitted();
        if (!DOCUMENT_KINDS.contains(kind)) {
            throw Refusal.invalid("kind", "must be REGISTER_EXTRACT or OTHER");
        }
    }

    void attached(rs.greenvoucher.core.documents.DocumentStore.Stored stored, Instant now) {
        apply(new rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderDocumentAttached(id, stored.id(), stored.kind(),
                stored.sizeBytes(), stored.sha256(), accountId, now));
    }

    void approve(ProviderCode code, String note, String by, Instant now) {
        requireSubmitted();
        apply(new ProviderApplicationApproved(id, code, note, by, now));
    }

    void refuse(List<RuleCode> rules, String reason, String by, Instant now) {
        requireSubmitted();
        if (rules.isEmpty() || !REFUSAL_RULES.containsAll(rules)) {
            throw Refusal.invalid("ruleCodes", "name at least one of P2, P3, L3");
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "must say why, for the organisation");
        }
        apply(new ProviderApplicationRefused(id, List.copyOf(rules), reason.trim(), by, now));
    }

    private void requireSubmitted() {
        if (status != Status.SUBMITTED) {
            throw new Refusal(RefusalCode.INVALID_TRANSITION, "The application was decided already (" + status + ").",
                    List.of(), List.of(), Map.of("currentStatus", status.name()));
        }
    }

    @EventSourcingHandler
    void on(ProviderApplicationEvent event) {
        if (event instanceof ProviderApplicationSubmitted s) {
            id = s.applicationId();
            accountId = s.accountId();
            organisation = s.organisation();
            status = Status.SUBMITTED;
        } else if (event instanceof ProviderApplicationApproved) {
            status = Status.APPROVED;
        } else if (event instanceof ProviderApplicationRefused) {
            status = Status.REFUSED;
        }
    }
}
