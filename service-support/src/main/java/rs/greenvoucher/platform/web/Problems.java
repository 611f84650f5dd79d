package rs.greenvoucher.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import rs.greenvoucher.platform.refusal.Refusal;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds the contract's problem+json body: type, title, status, detail, code, errors. */
public final class Problems {

    public static final String TYPE_BASE = "https://greenvoucher.rs/problems/";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, List<Refusal.Field> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail,
                                                         List<Refusal.Field> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, detail, errors));
    }

    /** Whole seconds, rounded up, at least 1: a client that waits this long will be let through. */
    public static long retryAfterSeconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** A minimal, dependency-free JSON rendering for filters that run before Spring MVC. */
    public static String json(HttpStatus status, String code, String detail) {
        return "{\"type\":\"" + TYPE_BASE + code.toLowerCase().replace('_', '-') + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\",\"errors\":[]}";
    }
}
