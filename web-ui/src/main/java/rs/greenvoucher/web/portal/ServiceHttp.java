package rs.greenvoucher.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.Problem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with a service: the browser's address in X-Forwarded-For (the services throttle each person, not
 * the portal), the trace's traceparent, the answer's bytes, or its problem+json as an {@link ApiProblem}; and the
 * answer read as its record.
 */
@Component
class ServiceHttp {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttp.class);

    private final Map<Service, List<String>> baseUrls;
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    // a tolerant reader: a field the portal does not know yet is not an error
    final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final ExchangeLog exchanges;

    private final io.micrometer.tracing.Tracer tracer;
    private final io.micrometer.tracing.propagation.Propagator propagator;

    ServiceHttp(@Value("${gv.web.core-url}") String core, @Value("${gv.web.evaluation-url}") String evaluation,
                @Value("${gv.web.notification-url}") String notification, @Value("${gv.web.exchange-log:}") String exchangeLog,
                org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> io.micrometer.tracing.Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> io.micrometer.tracing.propagation.Propagator.NOOP);
        this.baseUrls = Map.of(Service.CORE, instances(core), Service.EVALUATION, instances(evaluation),
                Service.NOTIFICATION, instances(notification));
        this.exchanges = ExchangeLog.of(exchangeLog, json);
    }

    /** The answer's bytes; a 4xx or 5xx answer is thrown as its problem. */
    byte[] call(Service service, String method, String path, Object body, String token, String accept) {
        byte[] request = body == null ? null : json.writeValueAsBytes(body);
        HttpResponse<byte[]> response = exchange(service, method, path, request, token, accept);
        exchanges.record(service, method, path, request, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** A file sent on as multipart/form-data with its form fields (a document upload); the answer's bytes. */
    byte[] upload(Service service, String path, Map<String, String> fields, String fileName, byte[] file, String token) {
        String boundary = "----gv" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(file.length + 1024);
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // the name as the browser gave it, its quotes and line breaks escaped as browsers do (core keeps only the last segment)
        String quoted = fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + quoted
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = send(request(service, path, token, "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), service, "POST", path);
        exchanges.record(service, "POST", path, null, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** A file as core serves it, with the headers that say how a browser may show it; a 4xx or 5xx is its problem. */
    HttpResponse<byte[]> file(Service service, String path, String token) {
        HttpResponse<byte[]> response = send(request(service, path, token, "*/*").GET(), service, "GET", path);
        exchanges.record(service, "GET", path, null, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.statusCode() >= 400 ? response.body() : null);
        if (response.statusCode() >= 400) {
            throw problem(response.statusCode(), response.body());
        }
        return response;
    }

    /** The answer as its record: an answer that is not that record is the service failing, not the person's input. */
    <T> T read(byte[] body, JavaType type) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            log.warn("an answer that is not a {}: {}", type, e.getOriginalMessage());
            throw ApiProblem.unavailable();
        }
    }

    private HttpResponse<byte[]> exchange(Service service, String method, String path, byte[] body, String token, String accept) {
        HttpRequest.Builder request = request(service, path, token, accept);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request, service, method, path);
    }

    private HttpRequest.Builder request(Service service, String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service).get(0) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
        HttpServletRequest browser = PortalSession.browserRequest();
        if (browser != null) {
            request.header("X-Forwarded-For", browser.getRemoteAddr());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // the service's work continues the trace of the browser's request (its traceparent: docs/adr/0034)
        io.micrometer.tracing.Span span = tracer.currentSpan();
        if (span != null) {
            propagator.inject(span.context(), request, HttpRequest.Builder::header);
        }
        return request;
    }

    /**
     * Sends to the service's instances in turn; one that refuses the connection (stopped, restarting) is passed over
     * for the next, which is safe because the request never reached it. Any other failure is the answer.
     */
    private HttpResponse<byte[]> send(HttpRequest.Builder request, Service service, String method, String path) {
        List<String> instances = baseUrls.get(service);
        int first = Math.floorMod(turn.getAndIncrement(), instances.size());
        try {
            for (int i = 0; ; i++) {
                request.uri(URI.create(instances.get((first + i) % instances.size()) + path));
                try {
                    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (java.net.ConnectException refused) {
                    if (i == instances.size() - 1) {
                        throw refused;
                    }
                }
            }
        } catch (IOException e) {
            log.warn("{} {} {}: {}", service, method, path, e.toString());
            throw ApiProblem.unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable();
        }
    }

    private ApiProblem problem(int status, byte[] bytes) {
        Problem body;
        try {
            body = bytes.length == 0 ? Problem.NONE : json.readValue(bytes, Problem.class);
        } catch (JacksonException e) {
            body = Problem.NONE;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Problem.FieldError error : body.errors() == null ? List.<Problem.FieldError>of() : body.errors()) {
            fields.merge(String.valueOf(error.field()), String.valueOf(error.message()), (a, b) -> a + "; " + b);
        }
        String code = body.code() != null ? body.code() : (status >= 500 ? "UNAVAILABLE" : "ERROR");
        return new ApiProblem(status, code, body.detail() == null ? "" : body.detail(),
                body.ruleCodes() == null ? List.of() : body.ruleCodes(), fields);
    }

    /** One address, or the addresses of the service's instances separated by commas. */
    static List<String> instances(String urls) {
        return java.util.Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
    }
}
