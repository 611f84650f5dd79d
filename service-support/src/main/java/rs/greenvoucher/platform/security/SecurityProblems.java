package rs.greenvoucher.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import rs.greenvoucher.platform.web.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** 401 UNAUTHENTICATED and 403 FORBIDDEN as problem+json, for the security filter chain. */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    public static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "A valid bearer token is required.");
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(Problems.json(status, code, detail).getBytes(StandardCharsets.UTF_8));
    }
}
