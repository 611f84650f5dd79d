package rs.greenvoucher.infra;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the services' public APIs, as a client outside the code would use it. */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** Where core's confirmation links are read: the test broker, or a system's own ({@link #HttpApi(String, String)}). */
    private final java.util.function.Supplier<AccountMailbox> mailbox;

    public HttpApi(String baseUrl) {
        this.base = baseUrl;
        this.mailbox = AccountMailbox::get;
    }

    /** A client of a core whose account events go to the broker at {@code bootstrapServers}. */
    public HttpApi(String baseUrl, String bootstrapServers) {
        this.base = baseUrl;
        this.mailbox = () -> AccountMailbox.of(bootstrapServers);
    }

    public HttpApi(int port) {
        this("http://127.0.0.1:" + port);
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, null);
    }

    /** A GET asking for {@code accept} (text/csv, say). */
    public Response get(String path, String token, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET(), token, null);
    }

    public Response post(String path, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token, body);
    }

    /** A POST with headers of the caller's own (a traceparent, say). */
    public Response post(String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder, token, body);
    }

    public Response put(String path, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), token, body);
    }

    public Response patch(String path, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), token, body);
    }

    public Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token, null);
    }

    /** A multipart/form-data upload of one file with its form fields, as a browser's form sends it. */
    public Response upload(String path, String token, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----gv" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> out.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(file);
        text.accept("\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), token, null);
    }

    /** A file as it is served: its bytes and headers (not checked against the description: it has no JSON). */
    public HttpResponse<byte[]> download(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one request; the exchange is then checked against the service's own OpenAPI description (ApiContract). */
    private Response send(HttpRequest.Builder builder, String token, String body) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Response response = new Response(r.statusCode(), r.body(), r.headers());
        ApiContract.check(base, request.method(), request.uri(), body, response.status(), response.contentType(), response.body());
        return response;
    }

    public String token(String username, String password) {
        return signIn(username, password).get("accessToken").asString();
    }

    /** The whole token answer: access token, refresh token and their lifetimes. */
    public JsonNode signIn(String username, String password) {
        Response r = post("/api/auth/token", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
        if (r.status() != 200) {
            throw new IllegalStateException("token: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    public static final String APPLICANT_PASSWORD = "correct horse battery";

    /** Signs up a new applicant, follows the confirmation link core mails them, and answers their token. */
    public String newApplicant(String language) {
        String email = signUp(language);
        verify(email);
        return token(email, APPLICANT_PASSWORD);
    }

    /** Signs up a new applicant (not yet confirmed) and answers their e-mail address. */
    public String signUp(String language) {
        String email = "applicant-" + UUID.randomUUID() + "@example.rs";
        Response r = post("/api/accounts/applicants", null, """
                {"email":"%s","password":"%s","fullName":"Ana Petrović","preferredLanguage":"%s"}"""
                .formatted(email, APPLICANT_PASSWORD, language));
        if (r.status() != 201) {
            throw new IllegalStateException("sign-up: " + r.status() + " " + r.body());
        }
        return email;
    }

    /** Signs up a person of an R&D organisation (PROVIDER), confirms the address, and answers their e-mail address. */
    public String newProviderAccount(String language) {
        String email = "provider-" + UUID.randomUUID() + "@example.rs";
        Response r = post("/api/accounts/providers", null, """
                {"email":"%s","password":"%s","fullName":"Jelena Marković","preferredLanguage":"%s"}"""
                .formatted(email, APPLICANT_PASSWORD, language));
        if (r.status() != 201) {
            throw new IllegalStateException("provider sign-up: " + r.status() + " " + r.body());
        }
        verify(email);
        return email;
    }

    /** Follows the latest confirmation link sent to this address. */
    public void verify(String email) {
        String secret = mailbox.get().verificationSecret(email, Duration.ofSeconds(30));
        Response r = get("/api/accounts/email-verification?token=" + secret, null);
        if (r.status() != 200) {
            throw new IllegalStateException("verification: " + r.status() + " " + r.body());
        }
    }

}
