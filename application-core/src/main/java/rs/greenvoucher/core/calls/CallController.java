package rs.greenvoucher.core.calls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.platform.web.ApiException;
import rs.greenvoucher.platform.web.ApiException.FieldError;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "Calls")
class CallController {

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    CallController(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    record CallRequest(String name, LocalDate opensOn, LocalDate closesOn, Money budgetEur, Money maxVoucherEur,
                       BigDecimal maxSharePercent, Integer completionMonths, Money minServiceCostEur,
                       BigDecimal maxEquipmentSharePercent) {
    }

    record CallView(UUID id, String name, LocalDate opensOn, LocalDate closesOn, BigDecimal budgetEur,
                    BigDecimal committedEur, BigDecimal maxVoucherEur, BigDecimal maxSharePercent, int completionMonths,
                    BigDecimal minServiceCostEur, BigDecimal maxEquipmentSharePercent) {
    }

    @GetMapping
    @Operation(summary = "All calls, newest first, with budget and money committed")
    List<CallView> list() {
        return jdbc.sql("select * from scheme_call order by opens_on desc").query((rs, n) -> new CallView(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), rs.getBigDecimal("budget_eur"), rs.getBigDecimal("committed_eur"),
                rs.getBigDecimal("max_voucher_eur"), rs.getBigDecimal("max_share_percent"), rs.getInt("completion_months"),
                rs.getBigDecimal("min_service_cost_eur"), rs.getBigDecimal("max_equipment_share_percent"))).list();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Open a call with its budget and money rules (ADMIN)")
    ResponseEntity<CallView> create(@RequestBody CallRequest request, JwtAuthenticationToken auth) {
        CallParameters parameters = validate(request);
        boolean overlaps = jdbc.sql("""
                        select exists(select 1 from scheme_call
                                      where daterange(opens_on, closes_on, '[]') && daterange(:opens, :closes, '[]'))""")
                .param("opens", parameters.opensOn()).param("closes", parameters.closesOn()).query(Boolean.class).single();
        if (overlaps) {
            throw new ApiException(HttpStatus.CONFLICT, "CALL_OVERLAPS", "Another call is open on some of these days.",
                    List.of(new FieldError("opensOn", "overlaps another call")));
        }
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateCall(id, parameters, auth.getName()));
        CallView view = list().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/calls/" + id)).body(view);
    }

    private static CallParameters validate(CallRequest r) {
        if (r == null) {
            throw ApiException.validation("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
            errors.add(new FieldError("name", "1 to 200 characters"));
        }
        if (r.opensOn() == null) {
            errors.add(new FieldError("opensOn", "is required"));
        }
        if (r.closesOn() == null) {
            errors.add(new FieldError("closesOn", "is required"));
        }
        if (r.opensOn() != null && r.closesOn() != null && r.closesOn().isBefore(r.opensOn())) {
            errors.add(new FieldError("closesOn", "must not be before opensOn"));
        }
        positive(errors, "budgetEur", r.budgetEur());
        positive(errors, "maxVoucherEur", r.maxVoucherEur());
        if (r.maxSharePercent() == null || r.maxSharePercent().signum() <= 0 || r.maxSharePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("maxSharePercent", "more than 0 and at most 100"));
        }
        if (r.completionMonths() == null || r.completionMonths() < 1 || r.completionMonths() > 60) {
            errors.add(new FieldError("completionMonths", "1 to 60"));
        }
        if (r.maxEquipmentSharePercent() != null && (r.maxEquipmentSharePercent().signum() < 0
                || r.maxEquipmentSharePercent().compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError("maxEquipmentSharePercent", "0 to 100"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request is not valid.", errors);
        }
        return new CallParameters(r.name().trim(), r.opensOn(), r.closesOn(), r.budgetEur(), r.maxVoucherEur(),
                r.maxSharePercent(), r.completionMonths(),
                r.minServiceCostEur() == null ? SchemeRules.DEFAULT_MIN_SERVICE_COST : r.minServiceCostEur(),
                r.maxEquipmentSharePercent() == null ? SchemeRules.DEFAULT_MAX_EQUIPMENT_SHARE_PERCENT : r.maxEquipmentSharePercent());
    }

    private static void positive(List<FieldError> errors, String field, Money value) {
        if (value == null || value.amount().signum() <= 0) {
            errors.add(new FieldError(field, "a positive amount is required"));
        }
    }
}
