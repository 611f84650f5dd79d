package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import rs.greenvoucher.api.value.RefusalCode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's table of errors (api-contract.md, Errors), for the refusals the domain makes. */
class RefusalStatusesTest {

    @Test
    void everyRefusalHasTheContractsStatus() {
        Map<RefusalCode, HttpStatus> contract = Map.ofEntries(
                Map.entry(RefusalCode.ONE_VOUCHER_PER_ENTERPRISE, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.PROVIDER_CANNOT_APPLY, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.TOO_MANY_OPEN_APPLICATIONS, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.CALL_BUDGET_EXCEEDED, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.INVALID_TRANSITION, HttpStatus.CONFLICT),
                // not in api-contract.md: corrections by two administrators (docs/api.md)
                Map.entry(RefusalCode.CORRECTION_PENDING, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.FOUR_EYES, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.TOO_MANY_PROVIDERS, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.UNKNOWN_PROVIDER, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.PROVIDER_NOT_ELIGIBLE, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.CALL_CLOSED, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.SCHEME_RULE_VIOLATED, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.NOT_FOUND, HttpStatus.NOT_FOUND));
        assertThat(contract).hasSize(RefusalCode.values().length);
        contract.forEach((code, status) -> assertThat(CoreExceptionHandler.status(code)).as(code.name()).isEqualTo(status));
    }

    /** Two changes racing on one application: the loser is told someone acted first, not that its action was wrong. */
    @Test
    void aChangeThatLostARaceIsToldSomeoneChangedTheApplicationMeanwhile() {
        var answer = new CoreExceptionHandler().concurrent(new org.axonframework.modelling.command.ConcurrencyException("sequence 4 taken"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "CHANGED_MEANWHILE");
        assertThat(answer.getBody().getDetail()).doesNotContain("sequence");
    }
}
