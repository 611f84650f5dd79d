package rs.greenvoucher.core;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.web.ApiExceptionHandler;

/** Axon's refusals in the contract's words; their statuses come from the one table (ApiExceptionHandler). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoreExceptionHandler {

    private final ApiExceptionHandler problems = new ApiExceptionHandler();

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return problems.refused(Refusal.notFound());
    }

    /** Two changes to one application at the same moment: the second loses and may try again. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return problems.refused(new Refusal(RefusalCode.CHANGED_MEANWHILE,
                "Someone else changed the application at the same moment; read it again and retry."));
    }
}
