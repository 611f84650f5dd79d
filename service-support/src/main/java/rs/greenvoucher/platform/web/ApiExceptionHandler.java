package rs.greenvoucher.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns every failure into the contract's problem+json. Never leaks a stack trace, SQL or class name:
 * unexpected errors are logged with an id and answered with that id only.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Refusal.class)
    public ResponseEntity<ProblemDetail> refused(Refusal e) {
        // the business figure an operator watches (docs/operations.md): refusals by code and by the scheme's rule
        io.micrometer.core.instrument.Metrics.counter("gv.refusals", "code", e.code().name()).increment();
        e.rules().forEach(rule -> io.micrometer.core.instrument.Metrics.counter("gv.rule.refusals", "rule", rule.name()).increment());
        ResponseEntity<ProblemDetail> response = Problems.response(status(e.code()), e.code().name(), e.getMessage(), e.fields());
        e.details().forEach(response.getBody()::setProperty);
        if (e.retryAfter() != null) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("Retry-After", Long.toString(Problems.retryAfterSeconds(e.retryAfter())))
                    .body(response.getBody());
        }
        return response;
    }

    /** The one table from refusal to status (api-contract.md, Errors); a new code does not compile until it has one. */
    public static HttpStatus status(RefusalCode code) {
        return switch (code) {
            case VALIDATION_FAILED, INVALID_VERIFICATION_LINK -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN, ACCOUNT_DISABLED, EMAIL_NOT_VERIFIED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ONE_VOUCHER_PER_ENTERPRISE, PROVIDER_CANNOT_APPLY, PROVIDER_ALREADY_LISTED, TOO_MANY_OPEN_APPLICATIONS, CALL_BUDGET_EXCEEDED,
                 INVALID_TRANSITION, CORRECTION_PENDING, PAYMENT_PENDING, FOUR_EYES, ACCOUNT_EXISTS, CANNOT_DISABLE_YOURSELF,
                 NOT_AN_APPLICANT, TOO_MANY_DRAFTS, CALL_OVERLAPS, CHANGED_MEANWHILE, ALREADY_CLAIMED, NOT_CLAIMED,
                 NO_PENDING_DECISION, DECISION_NOT_STUCK, REBUILD_RUNNING, REBUILD_NOT_POSSIBLE -> HttpStatus.CONFLICT;
            case TOO_MANY_PROVIDERS, UNKNOWN_PROVIDER, PROVIDER_NOT_ELIGIBLE, CALL_CLOSED, SCHEME_RULE_VIOLATED ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY_REQUESTS, ACCOUNT_LOCKED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Refusal.Field> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe ->
                errors.add(new Refusal.Field(fe.getField(), fe.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new Refusal.Field(ge.getObjectName(), ge.getDefaultMessage())));
        return validation(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Refusal.Field> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new Refusal.Field(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return validation(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.PayloadTooLarge) {
                return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                        "The request body is larger than 1 MiB.", List.of());
            }
        }
        return validation(List.of(JsonErrors.describe(e)));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "A document may be at most 10 MiB.",
                List.of(new Refusal.Field("file", "at most 10 MiB")));
    }

    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    public ResponseEntity<ProblemDetail> badUpload(Exception e) {
        String part = e instanceof org.springframework.web.multipart.support.MissingServletRequestPartException missing
                ? missing.getRequestPartName() : "file";
        return validation(List.of(new Refusal.Field(part, "a multipart/form-data upload with this part is required")));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class})
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new Refusal.Field(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return validation(List.of(new Refusal.Field(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed here.", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Send application/json (multipart/form-data for a document).", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "That representation is not offered.", List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    public ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return Problems.response(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.", List.of());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String id = java.util.UUID.randomUUID().toString();
        if (rs.greenvoucher.platform.faults.Transience.isTransient(e)) {
            // the database or the broker is away for a moment: nothing was changed, and the caller may try again
            log.warn("unavailable {}: {}", id, e.toString());
            return refused(Refusal.unavailable("The service cannot reach what it needs at the moment; nothing was changed. "
                    + "Try again shortly (reference " + id + ").", java.time.Duration.ofSeconds(5)));
        }
        log.error("unexpected error {}", id, e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side (reference " + id + ").", List.of());
    }

    private static ResponseEntity<ProblemDetail> validation(List<Refusal.Field> errors) {
        return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request is not valid.", errors);
    }
}
