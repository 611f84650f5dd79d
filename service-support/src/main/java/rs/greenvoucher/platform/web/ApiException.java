package rs.greenvoucher.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A refusal the client should see as problem+json with a stable {@code code} (api-contract.md, Errors).
 * Rule violations extend it and carry their rule code in {@code code}'s detail.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> errors;
    private final java.util.Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldError> errors) {
        this(status, code, detail, errors, java.util.Map.of());
    }

    /** {@code properties} are extra members of the problem, such as the rule codes a refusal is about. */
    public ApiException(HttpStatus status, String code, String detail, List<FieldError> errors,
                        java.util.Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.properties = java.util.Map.copyOf(properties);
    }

    public java.util.Map<String, Object> properties() {
        return properties;
    }

    /** For 429 and 503: when to try again (the Retry-After header); null otherwise. */
    public java.time.Duration retryAfter() {
        return null;
    }

    /** 429 with a Retry-After header. */
    public static ApiException tooManyRequests(String code, String detail, java.time.Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, detail) {
            @Override
            public java.time.Duration retryAfter() {
                return retryAfter;
            }
        };
    }

    /** 503 UNAVAILABLE with a Retry-After header: the service is busy or away for a moment, and nothing was changed. */
    public static ApiException unavailable(String detail, java.time.Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", detail) {
            @Override
            public java.time.Duration retryAfter() {
                return retryAfter;
            }
        };
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource.");
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request is not valid.",
                List.of(new FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
