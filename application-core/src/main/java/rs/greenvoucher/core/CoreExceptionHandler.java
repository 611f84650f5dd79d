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
import rs.greenvoucher.platform.web.Problems;

import java.util.List;

/** Axon's refusals in the contract's words. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoreExceptionHandler {

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource.", List.of());
    }

    /** Two changes to one application at the same moment: the second loses and may try again. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return Problems.response(HttpStatus.CONFLICT, "INVALID_TRANSITION",
                "The application changed at the same moment; read it again and retry.", List.of());
    }
}
