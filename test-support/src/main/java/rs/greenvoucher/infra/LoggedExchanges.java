package rs.greenvoucher.infra;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The exchanges another process logged, one JSON line each (service, method, path, request, status, contentType,
 * answer): the portal's calls to the services, checked against each service's served description as
 * {@link ApiContract} checks the tests' own calls.
 */
public final class LoggedExchanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoggedExchanges() {
    }

    /** Every way a logged exchange differs from its service's description; how many were read, first. */
    public static Checked check(Path log, Map<String, String> baseByService) {
        List<String> violations = new ArrayList<>();
        int[] read = {0};
        if (Files.exists(log)) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.filter(l -> l.endsWith("}")).map(JSON::readTree).forEach(e -> {
                    read[0]++;
                    String base = baseByService.get(text(e, "service"));
                    URI uri = URI.create(base + text(e, "path"));
                    for (String v : ApiContract.violations(base, text(e, "method"), uri, text(e, "request"), e.path("status").asInt(),
                            text(e, "contentType"), text(e, "answer"))) {
                        violations.add(text(e, "method") + " " + uri.getRawPath() + " -> " + e.path("status").asInt() + ": " + v);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Checked(read[0], violations.stream().distinct().toList());
    }

    public record Checked(int exchanges, List<String> violations) {
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
