package rs.greenvoucher.platform.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * {@code /actuator/prometheus} is for the operator's Prometheus alone (docs/operations.md): it answers only a request
 * with HTTP Basic {@code prometheus:<GV_METRICS_SCRAPE_TOKEN>} (Prometheus's {@code basic_auth}), 401 otherwise, and 404
 * when no token is configured, so the metrics are never public on the API port. Basic rather than Bearer: the
 * services' resource server reads every Bearer header as a person's token.
 */
public class ScrapeGuard extends OncePerRequestFilter {

    public static final String PATH = "/actuator/prometheus";
    public static final String USER = "prometheus";

    private final byte[] expected;

    public ScrapeGuard(String token) {
        this.expected = token == null || token.isBlank() ? null
                : ("Basic " + Base64.getEncoder().encodeToString((USER + ":" + token).getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            problem(response, 404, "not-found", "NOT_FOUND", "Not Found", "No such resource.");
            return;
        }
        String given = request.getHeader("Authorization");
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
            problem(response, 401, "unauthenticated", "UNAUTHENTICATED", "Unauthorized", "The scrape needs the metrics token.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, String type, String code, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"https://greenvoucher.rs/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
    }
}
