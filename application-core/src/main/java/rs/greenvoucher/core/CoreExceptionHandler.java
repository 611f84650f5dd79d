package rs.greenvoucher.core;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.core.voucher.Refusal;
import rs.greenvoucher.platform.web.ApiException;
import rs.greenvoucher.platform.web.Problems;

import java.util.List;

/** The domain's and Axon's refusals in the contract's words: the one place that knows their HTTP statuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoreExceptionHandler {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal e) {
        ResponseEntity<ProblemDetail> response = Problems.response(status(e.code()), e.code().name(), e.getMessage(),
                e.fields().stream().map(f -> new ApiException.FieldError(f.field(), f.message())).toList());
        e.details().forEach(response.getBody()::setProperty);
        return response;
    }

    /** Every code has its status here; a new code does not compile until it has one. */
    static HttpStatus status(RefusalCode code) {
        return switch (code) {
            case ONE_VOUCHER_PER_ENTERPRISE, PROVIDER_CANNOT_APPLY, TOO_MANY_OPEN_APPLICATIONS, CALL_BUDGET_EXCEEDED,
                 INVALID_TRANSITION, CORRECTION_PENDING, FOUR_EYES -> HttpStatus.CONFLICT;
            case TOO_MANY_PROVIDERS, UNKNOWN_PROVIDER, PROVIDER_NOT_ELIGIBLE, CALL_CLOSED, SCHEME_RULE_VIOLATED ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource.", List.of());
    }

    /** Two changes to one application at the same moment: the second loses and may try again. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return Problems.response(HttpStatus.CONFLICT, "CHANGED_MEANWHILE",
                "Someone else changed the application at the same moment; read it again and retry.", List.of());
    }
}
