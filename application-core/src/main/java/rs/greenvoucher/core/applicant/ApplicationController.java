package rs.greenvoucher.core.applicant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.FormLimits;
import rs.greenvoucher.api.application.InformationReply;
import rs.greenvoucher.api.http.StatusChanged;
import rs.greenvoucher.api.http.SubmissionAccepted;
import rs.greenvoucher.api.http.SubmissionCheck;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.accounts.EmailConfirmations;
import rs.greenvoucher.core.voucher.complete.ReportCompletion;
import rs.greenvoucher.core.voucher.inform.ReplyToRequest;
import rs.greenvoucher.core.voucher.submit.FormValidator;
import rs.greenvoucher.core.voucher.submit.SubmissionDryRun;
import rs.greenvoucher.core.voucher.submit.SubmissionTurns;
import rs.greenvoucher.core.voucher.submit.SubmitApplication;
import rs.greenvoucher.core.voucher.submit.Submitted;
import rs.greenvoucher.core.voucher.withdraw.WithdrawApplication;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Applications")
class ApplicationController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApplicationController.class);

    private final CommandGateway commands;
    private final EmailConfirmations accounts;
    private final SubmissionDryRun dryRun;
    private final SubmissionTurns turns;
    private final java.time.Clock clock;

    ApplicationController(CommandGateway commands, EmailConfirmations accounts, SubmissionDryRun dryRun,
                          SubmissionTurns turns,
                          java.time.Clock clock) {
        this.clock = clock;
        this.turns = turns;
        this.commands = commands;
        this.accounts = accounts;
        this.dryRun = dryRun;
    }

    private static final int REPLY_LENGTH = 4000;

    record WithdrawRequest(String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Submit an application (APPLICANT with a confirmed e-mail address, else 403 EMAIL_NOT_VERIFIED). "
            + "201 with the tracking code. With draftId, the application is made from that draft of mine: it takes the draft's "
            + "id and documents (D1 counts them), and the draft is deleted in the same transaction (404 if it is not mine).")
    @ResponseStatus(HttpStatus.CREATED) // documents the 201 (the ResponseEntity sets it)
    ResponseEntity<SubmissionAccepted> submit(@RequestBody ApplicationForm form, @RequestParam(required = false) UUID draftId,
                                          JwtAuthenticationToken auth) {
        FormValidator.validate(form, rs.greenvoucher.api.SchemeRules.day(clock.instant()));
        return turns.inTurn(() -> {
            String verifiedEmail = accounts.requireVerifiedEmail(accountId(auth));
            UUID id = draftId != null ? draftId : UUID.randomUUID();
            Object language = auth.getToken().getClaims().get("lang");
            Submitted submitted = commands.sendAndWait(new SubmitApplication(id, auth.getName(), form,
                    "en".equals(language) ? "en" : "sr", verifiedEmail, draftId));
            log.info("Application {} submitted as {}", id, submitted.trackingCode()); // ids only: no personal data in logs
            return ResponseEntity.created(URI.create("/api/applications/" + id))
                    .body(new SubmissionAccepted(id, ApplicationStatus.SUBMITTED, submitted.trackingCode()));
        });
    }

    @PostMapping(path = "/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "A dry run of the submission (APPLICANT): every refusal a submission of this form would meet "
            + "now, with codes, rule codes and fields, and the eligibility rules screening would find broken. "
            + "With draftId, D1 counts that draft's documents. Writes nothing.")
    SubmissionCheck check(@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the form as it stands, "
            + "complete or not: what is missing or wrong is in the answer's problems", content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
                                  @RequestBody ApplicationForm form, @RequestParam(required = false) UUID draftId,
                                  JwtAuthenticationToken auth) {
        return dryRun.check(form, auth.getName(), draftId);
    }

    @PostMapping(path = "/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Withdraw an application before approval (APPLICANT, own)")
    StatusChanged withdraw(@PathVariable UUID id, @RequestBody(required = false) WithdrawRequest request,
                           JwtAuthenticationToken auth) {
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 1000) {
            throw Refusal.invalid("reason", "at most 1000 characters");
        }
        commands.sendAndWait(new WithdrawApplication(id, auth.getName(), reason));
        return new StatusChanged(id, ApplicationStatus.WITHDRAWN);
    }

    @PostMapping(path = "/{id}/completion-report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Report completion of an approved voucher (APPLICANT, own)")
    StatusChanged reportCompletion(@PathVariable UUID id, @RequestBody CompletionReport report,
                                         JwtAuthenticationToken auth) {
        if (report == null) {
            throw Refusal.invalid("body", "is required");
        }
        FormValidator.validate(report);
        commands.sendAndWait(new ReportCompletion(id, auth.getName(), report));
        return new StatusChanged(id, ApplicationStatus.COMPLETION_REPORTED);
    }

    @PostMapping(path = "/{id}/information-reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Reply to an evaluator's request for more information (APPLICANT, own; D3): a message and new "
            + "values of the fields asked about; the documents asked for are attached first with POST .../documents")
    StatusChanged replyToRequest(@PathVariable UUID id, @RequestBody InformationReply reply, JwtAuthenticationToken auth) {
        if (reply == null) {
            throw Refusal.invalid("body", "is required");
        }
        RequestCheck check = new RequestCheck();
        check.text("message", reply.message(), REPLY_LENGTH);
        if (reply.changes().projectDescription() != null) {
            check.text("changes.project.description", reply.changes().projectDescription(),
                    FormLimits.maxLength("project.description"));
        }
        check.orRefuse();
        ApplicationStatus after = commands.sendAndWait(new ReplyToRequest(id, auth.getName(), reply));
        return new StatusChanged(id, after);
    }

    private static UUID accountId(JwtAuthenticationToken auth) {
        try {
            return UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            throw new Refusal(RefusalCode.EMAIL_NOT_VERIFIED,
                    "Only an applicant account of this scheme can submit.");
        }
    }
}
