package rs.greenvoucher.evaluation.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.InformationRules;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.evaluation.Decision;
import rs.greenvoucher.api.http.DecisionAccepted;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.evaluation.queue.WorkItems;
import rs.greenvoucher.platform.refusal.ProviderCount;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The evaluator actions: the four stages' decisions and the request for more information. Each answers 202 with the decision id once the decision is stored. */
@RestController
@Tag(name = "Decisions")
class DecisionController {

    private static final int NOTE_LENGTH = 2000;

    private final DecisionService decisions;
    private final WorkItems workItems;
    private final java.time.Clock clock;

    DecisionController(DecisionService decisions, WorkItems workItems, java.time.Clock clock) {
        this.decisions = decisions;
        this.workItems = workItems;
        this.clock = clock;
    }

    record ScreeningRequest(String outcome, List<RuleCheck> checks, String noteToApplicant) {
    }

    record MatchRequest(List<ProviderCode> providerCodes, String note) {
    }

    record CommitteeRequest(String decision, Money voucherAmountEur, Scores scores, List<RuleCode> ruleCodes, String reason) {
    }

    record VerificationRequest(Boolean accepted, String note) {
    }

    @PostMapping("/api/applications/{id}/screening")
    @Operation(summary = "Screening checklist: PASS, or FAIL with the failed rules")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<DecisionAccepted> screening(@PathVariable UUID id, @RequestBody ScreeningRequest r, JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        String outcome = check.oneOf("outcome", r == null ? null : r.outcome(), "PASS", "FAIL");
        List<RuleCheck> checks = r == null || r.checks() == null ? List.of() : r.checks();
        for (int i = 0; i < checks.size(); i++) {
            check.that(checks.get(i) != null && checks.get(i).rule() != null, "checks[" + i + "].rule", "is required");
        }
        if ("FAIL".equals(outcome)) {
            check.that(checks.stream().anyMatch(c -> c != null && !c.passed()), "checks", "a failed screening names at least one failed rule");
        }
        if ("PASS".equals(outcome)) {
            check.that(checks.stream().noneMatch(c -> c != null && !c.passed()), "checks", "a passed screening cannot have failed checks");
        }
        check.optionalText("noteToApplicant", r == null ? null : r.noteToApplicant(), NOTE_LENGTH);
        check.orRefuse();
        UUID decisionId = decisions.take(id, "SCREENING", auth,
                new Decision.Screening("PASS".equals(outcome), checks, r.noteToApplicant()));
        return accepted(decisionId, List.of());
    }

    @PostMapping("/api/applications/{id}/provider-match")
    @Operation(summary = "Match 1 to 3 providers; warns about providers the applicant declared affiliation with")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<DecisionAccepted> match(@PathVariable UUID id, @RequestBody MatchRequest r, JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        List<ProviderCode> codes = r == null || r.providerCodes() == null ? List.of() : r.providerCodes();
        check.that(!codes.isEmpty(), "providerCodes", "1 to " + SchemeRules.MAX_PROVIDERS + " providers");
        ProviderCount.require("providerCodes", codes);
        check.optionalText("note", r == null ? null : r.note(), NOTE_LENGTH);
        check.orRefuse();
        UUID decisionId = decisions.take(id, "PROVIDER_MATCH", auth, new Decision.Matching(codes, r.note()));
        List<String> warnings = new ArrayList<>();
        if (workItems.declaredAnAffiliation(id)) {
            warnings.add("E7: the applicant declared an affiliation with a chosen provider; confirm there is none with "
                    + String.join(", ", codes.stream().map(ProviderCode::value).toList()) + ".");
        }
        return accepted(decisionId, warnings);
    }

    @PostMapping("/api/applications/{id}/decision")
    @Operation(summary = "The committee's decision with the three scores")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<DecisionAccepted> decision(@PathVariable UUID id, @RequestBody CommitteeRequest r, JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        String outcome = check.oneOf("decision", r == null ? null : r.decision(), "APPROVE", "REJECT");
        check.that(r != null && r.scores() != null && r.scores().isComplete(), "scores",
                "resourceEfficiency, scalability and innovation, each 1 to 5");
        if ("APPROVE".equals(outcome)) {
            check.that(r.voucherAmountEur() != null && r.voucherAmountEur().amount().signum() > 0, "voucherAmountEur",
                    "a positive amount is required to approve");
        }
        check.optionalText("reason", r == null ? null : r.reason(), NOTE_LENGTH);
        check.orRefuse();
        UUID decisionId = decisions.take(id, "COMMITTEE", auth, new Decision.Committee("APPROVE".equals(outcome),
                r.voucherAmountEur(), r.scores(), r.ruleCodes(), r.reason()));
        return accepted(decisionId, List.of());
    }

    record InformationRequestBody(String message, List<DocumentKind> documentKinds, List<RequestedField> fields,
                                  LocalDate replyBy) {
    }

    @PostMapping("/api/applications/{id}/information-request")
    @Operation(summary = "Ask the applicant for more information at the item's stage (screening, matching or completion "
            + "verification; D3): what is needed, the documents and fields it concerns, and a reply-by date (the call's "
            + "number of days, 14 by default, when omitted). The item waits out of the active queue until the reply.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<DecisionAccepted> informationRequest(@PathVariable UUID id, @RequestBody InformationRequestBody r,
                                                        JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        check.text("message", r == null ? null : r.message(), NOTE_LENGTH);
        LocalDate today = SchemeRules.day(clock.instant());
        if (r != null && r.replyBy() != null) {
            check.that(InformationRules.acceptable(today, r.replyBy()), "replyBy",
                    "after today and at most " + InformationRules.MAX_REPLY_DAYS + " days away");
        }
        check.that(r == null || r.documentKinds() == null || r.documentKinds().stream().allMatch(java.util.Objects::nonNull),
                "documentKinds", "a document kind");
        check.that(r == null || r.fields() == null || r.fields().stream().allMatch(java.util.Objects::nonNull),
                "fields", "EMPLOYEES, ANNUAL_TURNOVER, TOTAL_ASSETS or PROJECT_DESCRIPTION");
        check.orRefuse();
        Stage stage = workItems.find(id).map(rs.greenvoucher.api.http.QueueItem::stage).orElseThrow(Refusal::notFound);
        if (stage == null || !Decision.InformationRequest.allowedAt(stage)) {
            throw new Refusal(RefusalCode.INVALID_TRANSITION, "More information is asked for at screening, provider matching "
                    + "or completion verification; this application is " + (stage == null ? "not in evaluation" : "at " + stage) + ".");
        }
        List<DocumentKind> kinds = r.documentKinds() == null ? List.of() : r.documentKinds().stream().distinct().toList();
        for (DocumentKind kind : kinds) {
            check.that(InformationRules.kindsAt(stage).contains(kind), "documentKinds", kind + " is not a document of " + stage);
        }
        check.orRefuse();
        UUID decisionId = decisions.take(id, "INFORMATION_REQUEST", auth, new Decision.InformationRequest(stage,
                r.message().strip(), kinds, r.fields() == null ? List.of() : r.fields().stream().distinct().toList(), r.replyBy()));
        return accepted(decisionId, List.of());
    }

    @PostMapping("/api/applications/{id}/completion-verification")
    @Operation(summary = "Accept the completion report (the voucher is COMPLETED) or return it")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<DecisionAccepted> verification(@PathVariable UUID id, @RequestBody VerificationRequest r, JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        check.that(r != null && r.accepted() != null, "accepted", "is required");
        check.optionalText("note", r == null ? null : r.note(), NOTE_LENGTH);
        check.orRefuse();
        UUID decisionId = decisions.take(id, "COMPLETION_VERIFICATION", auth,
                new Decision.Verification(r.accepted(), r.note()));
        return accepted(decisionId, List.of());
    }

    private static ResponseEntity<DecisionAccepted> accepted(UUID decisionId, List<String> warnings) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new DecisionAccepted(decisionId, warnings));
    }
}
