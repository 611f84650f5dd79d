package rs.greenvoucher.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's table of errors (api-contract.md, Errors): every refusal code with its one status. */
class RefusalStatusesTest {

    @Test
    void everyRefusalHasTheContractsStatus() {
        Map<RefusalCode, HttpStatus> contract = Map.ofEntries(
                Map.entry(RefusalCode.ONE_VOUCHER_PER_ENTERPRISE, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.PROVIDER_CANNOT_APPLY, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.PROVIDER_ALREADY_LISTED, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.TOO_MANY_OPEN_APPLICATIONS, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.CALL_BUDGET_EXCEEDED, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.INVALID_TRANSITION, HttpStatus.CONFLICT),
                // not in api-contract.md: corrections by two administrators (docs/api.md)
                Map.entry(RefusalCode.CORRECTION_PENDING, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.PAYMENT_PENDING, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.FOUR_EYES, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.TOO_MANY_PROVIDERS, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.UNKNOWN_PROVIDER, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.PROVIDER_NOT_ELIGIBLE, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.CALL_CLOSED, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.SCHEME_RULE_VIOLATED, HttpStatus.UNPROCESSABLE_CONTENT),
                Map.entry(RefusalCode.NOT_FOUND, HttpStatus.NOT_FOUND),
                Map.entry(RefusalCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST),
                Map.entry(RefusalCode.INVALID_VERIFICATION_LINK, HttpStatus.BAD_REQUEST),
                Map.entry(RefusalCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED),
                Map.entry(RefusalCode.FORBIDDEN, HttpStatus.FORBIDDEN),
                Map.entry(RefusalCode.ACCOUNT_DISABLED, HttpStatus.FORBIDDEN),
                Map.entry(RefusalCode.EMAIL_NOT_VERIFIED, HttpStatus.FORBIDDEN),
                Map.entry(RefusalCode.ACCOUNT_EXISTS, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.CANNOT_DISABLE_YOURSELF, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.NOT_AN_APPLICANT, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.TOO_MANY_DRAFTS, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.CALL_OVERLAPS, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.CHANGED_MEANWHILE, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.ALREADY_CLAIMED, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.NOT_CLAIMED, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.NO_PENDING_DECISION, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.DECISION_NOT_STUCK, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.REBUILD_RUNNING, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.REBUILD_NOT_POSSIBLE, HttpStatus.CONFLICT),
                Map.entry(RefusalCode.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS),
                Map.entry(RefusalCode.ACCOUNT_LOCKED, HttpStatus.TOO_MANY_REQUESTS),
                Map.entry(RefusalCode.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(contract).hasSize(RefusalCode.values().length);
        contract.forEach((code, status) -> assertThat(ApiExceptionHandler.status(code)).as(code.name()).isEqualTo(status));
    }

    @Test
    void aRefusalOfTheMomentSaysWhenToTryAgain() {
        var answer = new ApiExceptionHandler().refused(Refusal.unavailable("Busy; nothing was changed.", Duration.ofMillis(4200)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "UNAVAILABLE");
    }
}
