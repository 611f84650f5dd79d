package rs.greenvoucher.core.voucher;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import rs.greenvoucher.api.DocumentRules;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionDeclined;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionKind;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.ApplicationEvent.DocumentAttached;
import rs.greenvoucher.api.application.ApplicationEvent.InformationProvided;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.DecisionCorrected;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent;
import rs.greenvoucher.api.application.PaymentEvent;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One voucher application: what its history says it is now. Each use case (a folder beside this one) decides its
 * transition from this state and records it with {@link #record}; the state follows from the events alone.
 */
@Aggregate
public class VoucherApplication {

    @AggregateIdentifier
    private UUID id;
    private ApplicationStatus status;
    private UUID callId;
    private String applicantId;
    private Money totalCost;
    private Money approvedAmount;
    private boolean personalDataErased;
    private Mb mb;
    private ApplicationForm form;
    private Stage rejectedAt;
    private CorrectionProposed pendingCorrection;
    private List<ProviderCode> providers = List.of();
    private final List<DocumentRules.Attached> documents = new ArrayList<>();
    private final Set<UUID> decisions = new HashSet<>();
    private final Set<UUID> declined = new HashSet<>();
    private InformationRequested openRequest;
    private ApplicationStatus statusBeforeRequest;
    private final Set<DocumentKind> attachedSinceRequest = new HashSet<>();
    private final VoucherMoney money = new VoucherMoney();

    protected VoucherApplication() { } // for Axon

    /** A new application: its first event, then the documents of the draft it was submitted from. */
    public VoucherApplication(ApplicationSubmitted submitted, List<DocumentAttached> documents) {
        AggregateLifecycle.apply(submitted);
        documents.forEach(AggregateLifecycle::apply);
    }

    /** Records what a use case decided; the state follows in {@link #on}. */
    public void record(ApplicationEvent event) {
        AggregateLifecycle.apply(event);
    }

    /** The one guard of the transitions: the application must be in {@code expected} to {@code action}. */
    public void require(ApplicationStatus expected, String action) {
        if (status != expected) {
            throw new InvalidTransition(action, status);
        }
    }

    /** An applicant acts only on their own application; anyone else is told it does not exist. */
    public void requireOwner(String applicant) {
        if (applicant == null || !applicant.equals(applicantId)) {
            throw Refusal.notFound("No such resource.");
        }
    }

    /** Whether an evaluator's decision (or a correction) was applied or refused before; then it changes nothing. */
    public boolean hasSeen(UUID decisionId) {
        return decisionId != null && decisions.contains(decisionId);
    }

    public boolean hasDeclined(UUID correctionId) {
        return declined.contains(correctionId);
    }

    public ApplicationStatus status() {
        return status;
    }

    public UUID callId() {
        return callId;
    }

    public String applicantId() {
        return applicantId;
    }

    public Mb mb() {
        return mb;
    }

    /** The form as submitted, with the fields changed in replies to requests for more information. */
    public ApplicationForm form() {
        return form;
    }

    public Money totalCost() {
        return totalCost;
    }

    public Money approvedAmount() {
        return approvedAmount;
    }

    /** The providers of the application: those requested, then those matched. */
    public List<ProviderCode> providers() {
        return providers;
    }

    /** The documents attached so far, as the rules see them (D1, D2). */
    public List<DocumentRules.Attached> documents() {
        return List.copyOf(documents);
    }

    /** The request for more information the application waits on; null if none. */
    public InformationRequested openRequest() {
        return openRequest;
    }

    /** The status it had when more information was asked for (its stage's), to go back to with the reply. */
    public ApplicationStatus statusBeforeRequest() {
        return statusBeforeRequest;
    }

    /** The kinds of document attached since the open request was made (what the reply brings, D3). */
    public Set<DocumentKind> attachedSinceRequest() {
        return Set.copyOf(attachedSinceRequest);
    }

    /** Before approval, also while it waits for the applicant's reply at screening or matching. */
    public boolean withdrawable() {
        return status.isWithdrawable()
                || status == ApplicationStatus.INFORMATION_REQUESTED && statusBeforeRequest.isWithdrawable();
    }

    /** The invoices and payment orders, and the rules on them (I1–I3). */
    public VoucherMoney money() {
        return money;
    }

    public boolean personalDataErased() {
        return personalDataErased;
    }

    /** The stage it was rejected at, while it is rejected; null otherwise. */
    public Stage rejectedAt() {
        return rejectedAt;
    }

    /** The correction that waits for a second administrator; null if none. */
    public CorrectionProposed pendingCorrection() {
        return pendingCorrection;
    }

    @EventSourcingHandler
    void on(ApplicationEvent event) {
        if (event instanceof ApplicationSubmitted submitted) {
            id = submitted.applicationId();
            callId = submitted.callId();
            applicantId = submitted.applicantId();
            totalCost = submitted.form().project().totalCost();
            mb = submitted.form().enterprise().mb();
            form = submitted.form();
            providers = List.copyOf(submitted.form().providerCodes());
        } else if (event instanceof DocumentAttached attached) {
            documents.add(new DocumentRules.Attached(attached.kind(), attached.providerCode()));
            attachedSinceRequest.add(attached.kind());
        } else if (event instanceof InformationRequested requested) {
            openRequest = requested;
            statusBeforeRequest = status;
            attachedSinceRequest.clear();
        } else if (event instanceof InformationProvided provided && provided.form() != null) {
            form = provided.form();
            openRequest = null;
        } else if (event instanceof InformationProvided || event instanceof ApplicationEvent.InformationRequestExpired
                || event instanceof ApplicationEvent.ApplicationWithdrawn) {
            openRequest = null;
        } else if (event instanceof ProvidersMatched matched) {
            providers = List.copyOf(matched.providerCodes());
        } else if (event instanceof VoucherApproved approved) {
            approvedAmount = approved.amount();
        } else if (event instanceof PersonalDataErased) {
            personalDataErased = true;
        } else if (event instanceof ApplicationRejected rejected) {
            rejectedAt = rejected.stage();
        } else if (event instanceof CorrectionProposed proposed) {
            pendingCorrection = proposed;
        } else if (event instanceof CorrectionDeclined declinedOne) {
            pendingCorrection = null;
            declined.add(declinedOne.correctionId());
        } else if (event instanceof DecisionCorrected corrected) {
            pendingCorrection = null;
            rejectedAt = corrected.kind() == CorrectionKind.REINSTATE ? null : rejectedAt;
            approvedAmount = corrected.releasedAmount() != null ? null : approvedAmount;
        }
        if (event instanceof DecisionEvent decision) {
            decisions.add(decision.decisionId());
        }
        if (event instanceof PaymentEvent payment) {
            money.on(payment);
            if (payment instanceof PaymentEvent.InvoiceSubmitted invoice) {
                // a provider's invoice is the invoice D2 asks for
                documents.add(new DocumentRules.Attached(DocumentKind.INVOICE, invoice.providerCode()));
            }
        }
        status = event.status();
    }
}
