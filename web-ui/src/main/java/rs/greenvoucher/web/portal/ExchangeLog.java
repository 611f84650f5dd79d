package rs.greenvoucher.web.portal;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exchange of the portal with a service, one JSON line each, when {@code gv.web.exchange-log} names a file: the
 * end-to-end tests check each one against the service's served OpenAPI, as they check their own calls. Off (and
 * free) unless configured; never on in production, as the lines hold the answers.
 */
record ExchangeLog(Path file, JsonMapper json) {

    static ExchangeLog of(String file, JsonMapper json) {
        return new ExchangeLog(file == null || file.isBlank() ? null : Path.of(file), json);
    }

    void record(ServiceApi.Service service, String method, String path, byte[] request, int status, String contentType, byte[] answer) {
        if (file == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("service", service.name());
        line.put("method", method);
        line.put("path", path);
        line.put("request", request == null ? null : new String(request, StandardCharsets.UTF_8));
        line.put("status", status);
        line.put("contentType", contentType);
        line.put("answer", answer == null ? null : new String(answer, StandardCharsets.UTF_8));
        byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
