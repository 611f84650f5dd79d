package rs.greenvoucher.platform.throttling;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import rs.greenvoucher.platform.web.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Throttles by client address before anything else runs (no body read, no token checked, no password hashed):
 * every request without a bearer token counts against the address's anonymous bucket, and the rules a service
 * names (sign-in, sign-up) count against their own. Over the limit: 429 TOO_MANY_REQUESTS with Retry-After.
 */
public class ThrottleFilter extends OncePerRequestFilter {

    private final Throttle throttle;
    private final Throttle.Limit anonymous;
    private final List<ThrottleRule> rules;

    public ThrottleFilter(Throttle throttle, Throttle.Limit anonymous, List<ThrottleRule> rules) {
        this.throttle = throttle;
        this.anonymous = anonymous;
        this.rules = List.copyOf(rules);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> blocked = Optional.empty();
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            blocked = throttle.tryTake("anonymous:" + address, anonymous);
        }
        for (int i = 0; i < rules.size() && blocked.isEmpty(); i++) {
            ThrottleRule rule = rules.get(i);
            if (rule.matches(request)) {
                blocked = throttle.tryTake(rule.name() + ":" + address, rule.limit());
            }
        }
        if (blocked.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(blocked.get())));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(Problems.json(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                    "Too many requests from your address; try again later.").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
