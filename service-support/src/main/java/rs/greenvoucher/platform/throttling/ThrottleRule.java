package rs.greenvoucher.platform.throttling;

import jakarta.servlet.http.HttpServletRequest;

/** A named limit per client address on one method and path (exact path, or a prefix ending in {@code /**}). */
public record ThrottleRule(String name, String method, String path, Throttle.Limit limit) {

    boolean matches(HttpServletRequest request) {
        if (!method.equals(request.getMethod())) {
            return false;
        }
        String uri = request.getRequestURI();
        return path.endsWith("/**") ? uri.startsWith(path.substring(0, path.length() - 2)) : uri.equals(path);
    }
}
