package rs.greenvoucher.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the services, started from its built jar as its own process, configured by environment variables. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code <root>/<module>/target/<module>-<version>.jar}; its output goes to {@code logDir/<module>.log}. */
    public static ServiceProcess start(Path root, String module, int port, Map<String, String> env, Path logDir) {
        try {
            Path jar;
            try (var files = Files.list(root.resolve(module).resolve("target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches(module + "-[0-9].*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException(module + "'s jar is not built: run ./mvnw package"));
            }
            Files.createDirectories(logDir);
            Path log = logDir.resolve(module + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"));
            // the tests start many short-lived services on 2 cores: the quick compiler alone starts them sooner and
            // leaves the cores to the tests; a benchmark measures the services as they run for real (gv.services.jit=full)
            if (!"full".equals(System.getProperty("gv.services.jit"))) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            if (Boolean.getBoolean("gv.services.jfr")) {
                // a benchmark's profile: sampled continuously, dumped by the benchmark with jcmd (ServiceProbes)
                command.add("-XX:StartFlightRecording=name=gv,settings=profile");
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ServiceProcess(module, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200 (UP). */
    public ServiceProcess awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250); // polling a child process' readiness, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** kill -9: no shutdown hooks, no graceful stop, whatever was in flight is cut off. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
