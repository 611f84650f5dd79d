package rs.greenvoucher.platform.web.errors;

import org.springframework.http.HttpStatus;
import rs.greenvoucher.platform.web.Problems;

/** The code and plain detail for a refusal made outside Spring MVC, by its status alone. */
final class ProblemErrors {

    private ProblemErrors() {
    }

    static String json(int statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = statusCode >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        return Problems.json(status, code(status), detail(status));
    }

    static String code(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "BAD_REQUEST";
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case URI_TOO_LONG -> "URI_TOO_LONG";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case TOO_MANY_REQUESTS -> "TOO_MANY_REQUESTS";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "HEADERS_TOO_LARGE";
            case SERVICE_UNAVAILABLE -> "UNAVAILABLE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case BAD_REQUEST -> "The request could not be read (its address, headers or body are not well formed).";
            default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                    : status.getReasonPhrase() + ".";
        };
    }
}
