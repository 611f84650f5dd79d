package rs.greenvoucher.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's one way to the services: their public HTTP APIs, with the signed-in person's access token (renewed
 * with the refresh token shortly before it expires) and the browser's address in X-Forwarded-For, so that the
 * services throttle each person and not the portal. Answers are plain maps and lists, as the JSON has them.
 */
@Component
public class ServiceApi {

    public enum Service { CORE, EVALUATION, NOTIFICATION }

    private static final Logger log = LoggerFactory.getLogger(ServiceApi.class);
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final Map<Service, String> baseUrls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    public ServiceApi(@Value("${gv.web.core-url}") String core, @Value("${gv.web.evaluation-url}") String evaluation,
                      @Value("${gv.web.notification-url}") String notification) {
        this.baseUrls = Map.of(Service.CORE, strip(core), Service.EVALUATION, strip(evaluation),
                Service.NOTIFICATION, strip(notification));
    }

    public JsonMapper json() {
        return json;
    }

    /** GET as the signed-in person (or anonymously when nobody is). */
    public Object get(Service service, String path) {
        return send(service, "GET", path, null, true);
    }

    public Object getAnonymous(Service service, String path) {
        return send(service, "GET", path, null, false);
    }

    public Object post(Service service, String path, Object body) {
        return send(service, "POST", path, body, true);
    }

    public Object postAnonymous(Service service, String path, Object body) {
        return send(service, "POST", path, body, false);
    }

    public Object put(Service service, String path, Object body) {
        return send(service, "PUT", path, body, true);
    }

    public Object patch(Service service, String path, Object body) {
        return send(service, "PATCH", path, body, true);
    }

    public void delete(Service service, String path) {
        send(service, "DELETE", path, null, true);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object answer) {
        return answer instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object answer) {
        return answer instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }

    /** Signs in and keeps the tokens in the session; answers the person. */
    public SignedIn signIn(String username, String password) {
        Map<String, Object> tokens = map(postAnonymous(Service.CORE, "/api/auth/token",
                Map.of("username", username, "password", password)));
        String access = (String) tokens.get("accessToken");
        Instant expires = Instant.now().plusSeconds(((Number) tokens.get("expiresIn")).longValue());
        Map<String, Object> me = map(call(Service.CORE, "GET", "/api/accounts/me", null, access));
        return new SignedIn(java.util.UUID.fromString((String) me.get("id")), (String) me.get("username"),
                (String) me.get("fullName"), (String) me.get("role"), Boolean.TRUE.equals(me.get("emailVerified")),
                (String) me.get("preferredLanguage"), access, expires, (String) tokens.get("refreshToken"));
    }

    public void signOut(SignedIn user) {
        try {
            postAnonymous(Service.CORE, "/api/auth/sign-out", Map.of("refreshToken", user.refreshToken()));
        } catch (ApiProblem e) {
            log.info("sign-out at core failed ({}); the session is ended anyway", e.code());
        }
    }

    private Object send(Service service, String method, String path, Object body, boolean asUser) {
        String token = null;
        if (asUser) {
            SignedIn user = currentUser();
            if (user != null) {
                token = fresh(user).accessToken();
            }
        }
        return call(service, method, path, body, token);
    }

    /** Renews the access token shortly before it expires; a refused renewal ends the session (sign in again). */
    private SignedIn fresh(SignedIn user) {
        if (Instant.now().plus(RENEW_BEFORE).isBefore(user.accessExpiresAt())) {
            return user;
        }
        HttpSession session = session();
        try {
            Map<String, Object> tokens = map(call(Service.CORE, "POST", "/api/auth/refresh",
                    Map.of("refreshToken", user.refreshToken()), null));
            SignedIn renewed = user.withTokens((String) tokens.get("accessToken"),
                    Instant.now().plusSeconds(((Number) tokens.get("expiresIn")).longValue()), (String) tokens.get("refreshToken"));
            if (session != null) {
                session.setAttribute(SignedIn.ATTRIBUTE, renewed);
            }
            return renewed;
        } catch (ApiProblem e) {
            if (e.status() == 400 || e.status() == 401) {
                if (session != null) {
                    session.removeAttribute(SignedIn.ATTRIBUTE);
                }
                throw new ApiProblem(401, "UNAUTHENTICATED", "Your session has ended; sign in again.", List.of(), Map.of());
            }
            throw e;
        }
    }

    /** GET as the signed-in person, as CSV: the service's own table, passed on as it is. */
    public byte[] getCsv(Service service, String path) {
        SignedIn user = currentUser();
        HttpResponse<byte[]> response = exchange(service, "GET", path, null, user == null ? null : fresh(user).accessToken(), "text/csv");
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), map(parse(response.body())));
        }
        return response.body();
    }

    private Object call(Service service, String method, String path, Object body, String token) {
        HttpResponse<byte[]> response = exchange(service, method, path, body, token, "application/json");
        Object answer = parse(response.body());
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), map(answer));
        }
        return answer;
    }

    private Object parse(byte[] bytes) {
        if (bytes.length > 0) {
            try {
                return json.readValue(bytes, Object.class);
            } catch (JacksonException e) {
                return null;
            }
        }
        return null;
    }

    private HttpResponse<byte[]> exchange(Service service, String method, String path, Object body, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", accept);
        HttpServletRequest browser = browserRequest();
        if (browser != null) {
            request.header("X-Forwarded-For", browser.getRemoteAddr());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("{} {} {}: {}", service, method, path, e.toString());
            throw ApiProblem.unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable();
        }
    }

    private static ApiProblem problem(int status, Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Object e : list(body.get("errors"))) {
            Map<String, Object> error = map(e);
            fields.merge(String.valueOf(error.get("field")), String.valueOf(error.get("message")), (a, b) -> a + "; " + b);
        }
        List<String> rules = list(body.get("ruleCodes")).stream().map(String::valueOf).toList();
        String code = body.get("code") instanceof String c ? c : (status >= 500 ? "UNAVAILABLE" : "ERROR");
        String detail = body.get("detail") instanceof String d ? d : "";
        return new ApiProblem(status, code, detail, rules, fields);
    }

    public static SignedIn currentUser() {
        HttpSession session = session();
        return session == null ? null : (SignedIn) session.getAttribute(SignedIn.ATTRIBUTE);
    }

    private static HttpSession session() {
        HttpServletRequest request = browserRequest();
        return request == null ? null : request.getSession(false);
    }

    private static HttpServletRequest browserRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
