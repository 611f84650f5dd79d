package rs.greenvoucher.core.corrections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.core.voucher.correct.ConfirmCorrection;
import rs.greenvoucher.core.voucher.correct.DeclineCorrection;
import rs.greenvoucher.core.voucher.correct.ProposeCorrection;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Corrections of a screening or committee decision by two administrators (docs/adr/0012): one proposes, another
 * confirms or declines; each step is an event, nothing is edited, and the audit trail shows them all.
 */
@RestController
@Tag(name = "Corrections")
class CorrectionController {

    static final int MAX_REASON = 1000;

    private final CommandGateway commands;

    CorrectionController(CommandGateway commands) {
        this.commands = commands;
    }

    record CorrectionRequest(@Schema(description = "the stage whose decision is corrected", allowableValues = {"SCREENING", "COMMITTEE"})
                             String stage,
                             @Schema(description = "the rules the application does not meet; required when the correction rejects")
                             List<String> ruleCodes,
                             @Schema(description = "why the decision was wrong; the applicant reads it", maxLength = MAX_REASON)
                             String reason) {
    }

    record Correction(UUID applicationId, UUID correctionId, String state) {
    }

    @PostMapping(path = "/api/applications/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose to correct the screening or committee decision (ADMIN): a rejection there is reinstated, "
            + "a positive outcome becomes a rejection for the rules named; another ADMIN confirms or declines it")
    Correction propose(@PathVariable UUID id, @RequestBody CorrectionRequest request, JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        Stage stage = null;
        List<RuleCode> rules = new ArrayList<>();
        if (check.required("body", request)) {
            String s = check.oneOf("stage", request.stage(), "SCREENING", "COMMITTEE");
            stage = s == null ? null : Stage.valueOf(s);
            check.text("reason", request.reason(), MAX_REASON);
            if (request.ruleCodes() != null && check.list("ruleCodes", request.ruleCodes(), 0, RuleCode.values().length)) {
                for (String code : request.ruleCodes()) {
                    if (check.that(code != null && Arrays.stream(RuleCode.values()).anyMatch(r -> r.name().equals(code)),
                            "ruleCodes", "each a rule code of the scheme (E1–E10, S1–S4, L1–L4, P1–P3)")) {
                        rules.add(RuleCode.valueOf(code));
                    }
                }
            }
        }
        check.orRefuse();
        UUID correctionId = UUID.randomUUID();
        commands.sendAndWait(new ProposeCorrection(id, correctionId, stage, List.copyOf(rules), request.reason().strip(), auth.getName()));
        return new Correction(id, correctionId, "PROPOSED");
    }

    @PostMapping("/api/applications/{id}/corrections/{correctionId}/confirm")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Confirm a proposed correction (ADMIN, not the one who proposed it): it takes effect")
    Correction confirm(@PathVariable UUID id, @PathVariable UUID correctionId, JwtAuthenticationToken auth) {
        commands.sendAndWait(new ConfirmCorrection(id, correctionId, auth.getName()));
        return new Correction(id, correctionId, "CONFIRMED");
    }

    @PostMapping("/api/applications/{id}/corrections/{correctionId}/decline")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Decline a proposed correction, or take one's own back (ADMIN): nothing changes")
    Correction decline(@PathVariable UUID id, @PathVariable UUID correctionId, JwtAuthenticationToken auth) {
        commands.sendAndWait(new DeclineCorrection(id, correctionId, auth.getName()));
        return new Correction(id, correctionId, "DECLINED");
    }
}
