package rs.greenvoucher.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The log lines of one process of a system under test, plain or JSON, as an operator greps them. */
public record ProcessLogs(Path file) {

    private static final Pattern TRACE_ID = Pattern.compile("(?<![0-9a-f-])[0-9a-f]{32}(?![0-9a-f-])");

    /** The log of {@code process} (application-core, evaluation-service, notification-service, web-ui) of the browsers' system. */
    public static ProcessLogs of(String process) {
        return new ProcessLogs(SystemUnderTest.get().logs().resolve(process + ".log"));
    }

    /** The lines that contain every one of {@code parts}. */
    public List<String> lines(String... parts) {
        try {
            return Files.readAllLines(file).stream().filter(line -> List.of(parts).stream().allMatch(line::contains)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace id (32 hex digits, W3C) on the first line that contains every one of {@code parts}. */
    public Optional<String> traceId(String... parts) {
        return lines(parts).stream().map(TRACE_ID::matcher).filter(Matcher::find).map(Matcher::group).findFirst();
    }
}
