package rs.greenvoucher.web.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.api.http.Tokens;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The portal's one way to the services: their public HTTP APIs as the signed-in person ({@link AccessTokens}), each
 * answer read as its record ({@code rs.greenvoucher.api.http}).
 */
@Component
public class ServiceApi {

    public enum Service { CORE, EVALUATION, NOTIFICATION }

    private static final Logger log = LoggerFactory.getLogger(ServiceApi.class);
    private static final String JSON = "application/json";

    private final ServiceHttp http;
    private final AccessTokens tokens;

    ServiceApi(ServiceHttp http, AccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    public JsonMapper json() {
        return http.json;
    }

    /** GET as the signed-in person (or anonymously when nobody is), read as the service's answer record. */
    public <T> T get(Service service, String path, Class<T> answer) {
        return http.read(send(service, "GET", path, null, true), type(answer));
    }

    /** GET of a list, each element read as the service's answer record. */
    public <T> List<T> list(Service service, String path, Class<T> element) {
        return http.read(send(service, "GET", path, null, true), listOf(element));
    }

    public <T> T getAnonymous(Service service, String path, Class<T> answer) {
        return http.read(send(service, "GET", path, null, false), type(answer));
    }

    public <T> List<T> listAnonymous(Service service, String path, Class<T> element) {
        return http.read(send(service, "GET", path, null, false), listOf(element));
    }

    public <T> T post(Service service, String path, Object body, Class<T> answer) {
        return http.read(send(service, "POST", path, body, true), type(answer));
    }

    /** A POST whose answer the page does not read (it redirects, or reads the state again). */
    public void post(Service service, String path, Object body) {
        send(service, "POST", path, body, true);
    }

    public void postAnonymous(Service service, String path, Object body) {
        send(service, "POST", path, body, false);
    }

    public <T> T put(Service service, String path, Object body, Class<T> answer) {
        return http.read(send(service, "PUT", path, body, true), type(answer));
    }

    public <T> T patch(Service service, String path, Object body, Class<T> answer) {
        return http.read(send(service, "PATCH", path, body, true), type(answer));
    }

    public void delete(Service service, String path) {
        send(service, "DELETE", path, null, true);
    }

    /** A JSON document the portal hands on as it is (a download), without reading its fields. */
    public JsonNode document(Service service, String path) {
        return http.read(send(service, "GET", path, null, true), type(JsonNode.class));
    }

    /** GET as the signed-in person, as CSV: the service's own table, passed on as it is. */
    public byte[] getCsv(Service service, String path) {
        return http.call(service, "GET", path, null, tokens.ofCurrentUser(), "text/csv");
    }

    /** Uploads a file as the signed-in person (multipart/form-data, with these form fields), read as its record. */
    public <T> T upload(Service service, String path, Map<String, String> fields, String fileName, byte[] file, Class<T> answer) {
        return http.read(http.upload(service, path, fields, fileName, file, tokens.ofCurrentUser()), type(answer));
    }

    /** A file as the service serves it to the signed-in person: its bytes and its headers, to be passed on. */
    public java.net.http.HttpResponse<byte[]> file(Service service, String path) {
        return http.file(service, path, tokens.ofCurrentUser());
    }

    /** Signs in; the caller keeps the person in the session. */
    public SignedIn signIn(String username, String password) {
        Tokens tokens = http.read(http.call(Service.CORE, "POST", "/api/auth/token", Map.of("username", username, "password", password),
                null, JSON), type(Tokens.class));
        AccountView me = http.read(http.call(Service.CORE, "GET", "/api/accounts/me", null, tokens.accessToken(), JSON),
                type(AccountView.class));
        return new SignedIn(me.id(), me.username(), me.fullName(), me.role(), me.emailVerified(), me.preferredLanguage(),
                tokens.accessToken(), Instant.now().plusSeconds(tokens.expiresIn()), tokens.refreshToken());
    }

    public void signOut(SignedIn user) {
        try {
            postAnonymous(Service.CORE, "/api/auth/sign-out", Map.of("refreshToken", user.refreshToken()));
        } catch (ApiProblem e) {
            log.info("sign-out at core failed ({}); the session is ended anyway", e.code());
        }
    }

    public static SignedIn currentUser() {
        return PortalSession.currentUser();
    }

    private byte[] send(Service service, String method, String path, Object body, boolean asUser) {
        return http.call(service, method, path, body, asUser ? tokens.ofCurrentUser() : null, JSON);
    }

    private JavaType type(Class<?> answer) {
        return http.json.constructType(answer);
    }

    private JavaType listOf(Class<?> element) {
        return http.json.getTypeFactory().constructCollectionType(List.class, element);
    }
}
