package rs.greenvoucher.local;

import java.io.IOException;
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

/** The services of the local stack, each a process of its own from its module's jar, its output in the logs directory. */
final class LocalServices {

    private final Path root;
    private final Path dataDir;
    private final List<Process> services = new ArrayList<>();

    LocalServices(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
    }

    void start(String module, Map<String, String> env) throws IOException {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./run-local, which builds it");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the full tiered compiler: the quick one alone starts a few seconds sooner but runs slower for good (docs/performance.md)
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("logs").resolve(module + ".log").toFile()));
        builder.environment().putAll(env);
        Banner.say("starting " + module);
        services.add(builder.start());
    }

    void awaitHealthy(String name, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            for (Process p : services) {
                if (!p.isAlive()) {
                    Banner.fail("a service stopped during start-up; see " + dataDir.resolve("logs"));
                }
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    Banner.say(name + " is UP");
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        Banner.fail(name + " did not become healthy within 3 minutes; see " + dataDir.resolve("logs").resolve(name + ".log"));
    }

    /** Each service asked to stop, and killed after 30 s if it has not. */
    synchronized void stop() {
        for (Process p : services) {
            p.destroy();
        }
        for (Process p : services) {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
    }
}
