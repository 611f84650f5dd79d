package rs.greenvoucher.core.voucher.submit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.DocumentRules;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.http.Problem;
import rs.greenvoucher.api.http.SubmissionCheck;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.submit.SubmissionRules;
import rs.greenvoucher.platform.refusal.ProviderCount;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every refusal a submission of this form would meet now, without submitting: the same validator, rules and limits
 * the submission runs, each caught instead of thrown, in a transaction that is always rolled back (so the limits'
 * rows it writes on the way are never kept).
 */
@Component
public class SubmissionDryRun {

    private final Limits limits;
    private final DraftsToSubmit drafts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SubmissionDryRun(Limits limits, DraftsToSubmit drafts, PlatformTransactionManager transactions, Clock clock) {
        this.limits = limits;
        this.drafts = drafts;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** {@code draftId}: the draft it is made from, whose documents count for D1 (none without it). */
    public SubmissionCheck check(ApplicationForm form, String applicantId, UUID draftId) {
        List<SubmissionCheck.Refused> problems = new ArrayList<>();
        LocalDate today = SchemeRules.day(clock.instant());
        try {
            FormValidator.validate(form, today);
        } catch (Refusal e) {
            // the rules below read every field; they run once the form is complete
            problems.add(problem(e));
            return new SubmissionCheck(false, problems, List.of());
        }
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            UUID probe = UUID.randomUUID();
            Optional<Limits.OpenCall> call = limits.callOpenOn(today);
            if (call.isEmpty()) {
                problems.add(problem(RuleViolation.callClosed()));
            } else {
                List<DocumentRules.Attached> documents = draftId == null ? List.of() : drafts.documents(applicantId, draftId)
                        .stream().map(DocumentStore.Stored::attached).toList();
                run(problems, () -> SubmissionRules.check(form, call.get().parameters(), today, documents));
            }
            if (SchemeRules.tooManyProviders(form.providerCodes().size())) {
                run(problems, () -> ProviderCount.require("providerCodes", form.providerCodes()));
            } else {
                run(problems, () -> limits.requireActiveProviders(form.providerCodes(), "providerCodes"));
            }
            run(problems, () -> limits.claimEnterprise(form.enterprise().mb(), probe));
            run(problems, () -> limits.claimOpenApplicationSlot(applicantId, probe));
        });
        ApplicationForm.Enterprise e = form.enterprise();
        List<RuleCode> eligibility = SchemeRules.preCheck(e.ownership(), e.employees(), e.annualTurnoverEur(),
                e.totalAssetsEur(), e.registeredOn(), e.naceCode(), today);
        return new SubmissionCheck(problems.isEmpty(), problems, eligibility);
    }

    private static void run(List<SubmissionCheck.Refused> problems, Runnable check) {
        try {
            check.run();
        } catch (Refusal refusal) {
            problems.add(problem(refusal));
        }
    }

    private static SubmissionCheck.Refused problem(Refusal r) {
        return new SubmissionCheck.Refused(r.code().name(), r.rules(), r.getMessage(),
                r.fields().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }
}
