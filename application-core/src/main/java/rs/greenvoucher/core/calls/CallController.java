package rs.greenvoucher.core.calls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "Calls")
class CallController {

    private final CommandGateway commands;
    private final CallTable calls;

    CallController(CommandGateway commands, CallTable calls) {
        this.commands = commands;
        this.calls = calls;
    }

    record CallRequest(String name, LocalDate opensOn, LocalDate closesOn, Money budgetEur, Money maxVoucherEur,
                       BigDecimal maxSharePercent, Integer completionMonths, Money minServiceCostEur,
                       BigDecimal maxEquipmentSharePercent, List<DocumentKind> requiredDocuments,
                       Integer informationReplyDays) {
    }

    @GetMapping
    @Operation(summary = "All calls, newest first, with budget and money committed")
    List<CallView> list() {
        return calls.all();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Open a call with its budget, money rules and required documents (ADMIN; requiredDocuments "
            + "names the kinds D1 and D2 require, none when omitted; the scheme's are PROVIDER_OFFER, FINANCIAL_STATEMENTS, "
            + "REGISTER_EXTRACT, INVOICE; informationReplyDays, 14 when omitted, is the time to answer a request for more information)")
    ResponseEntity<CallView> create(@RequestBody CallRequest request, JwtAuthenticationToken auth) {
        CallParameters parameters = validate(request);
        if (calls.overlapsAny(parameters.opensOn(), parameters.closesOn())) {
            throw new Refusal(RefusalCode.CALL_OVERLAPS, "Another call is open on some of these days.",
                    List.of(new Refusal.Field("opensOn", "overlaps another call")));
        }
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateCall(id, parameters, auth.getName()));
        CallView view = list().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/calls/" + id)).body(view);
    }

    private static CallParameters validate(CallRequest r) {
        if (r == null) {
            throw Refusal.invalid("body", "is required");
        }
        RequestCheck check = new RequestCheck();
        check.that(r.name() != null && !r.name().isBlank() && r.name().length() <= 200, "name", "1 to 200 characters");
        check.required("opensOn", r.opensOn());
        if (check.required("closesOn", r.closesOn()) && r.opensOn() != null) {
            check.that(!r.closesOn().isBefore(r.opensOn()), "closesOn", "must not be before opensOn");
        }
        positive(check, "budgetEur", r.budgetEur());
        positive(check, "maxVoucherEur", r.maxVoucherEur());
        check.that(r.maxSharePercent() != null && r.maxSharePercent().signum() > 0
                && r.maxSharePercent().compareTo(BigDecimal.valueOf(100)) <= 0, "maxSharePercent", "more than 0 and at most 100");
        check.that(r.completionMonths() != null && r.completionMonths() >= 1 && r.completionMonths() <= 60,
                "completionMonths", "1 to 60");
        check.that(r.maxEquipmentSharePercent() == null || (r.maxEquipmentSharePercent().signum() >= 0
                && r.maxEquipmentSharePercent().compareTo(BigDecimal.valueOf(100)) <= 0), "maxEquipmentSharePercent", "0 to 100");
        check.that(r.informationReplyDays() == null || (r.informationReplyDays() >= 1 && r.informationReplyDays() <= 90),
                "informationReplyDays", "1 to 90");
        check.orRefuse();
        return new CallParameters(r.name().trim(), r.opensOn(), r.closesOn(), r.budgetEur(), r.maxVoucherEur(),
                r.maxSharePercent(), r.completionMonths(),
                r.minServiceCostEur() == null ? SchemeRules.DEFAULT_MIN_SERVICE_COST : r.minServiceCostEur(),
                r.maxEquipmentSharePercent() == null ? SchemeRules.DEFAULT_MAX_EQUIPMENT_SHARE_PERCENT : r.maxEquipmentSharePercent(),
                // the documents D1 and D2 require: none unless the call names them, so that a call made as
                // api-contract.md describes it behaves as it always did (the portal's form asks for the scheme's)
                r.requiredDocuments() == null ? List.of()
                        : r.requiredDocuments().stream().filter(k -> k != DocumentKind.OTHER).distinct().toList(),
                r.informationReplyDays());
    }

    private static void positive(RequestCheck check, String field, Money value) {
        check.that(value != null && value.amount().signum() > 0, field, "a positive amount is required");
    }
}
