package rs.greenvoucher.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A single-node Kafka KRaft broker (Apache Kafka's own jars, the kafka-broker module) in its own process: stopped and
 * started again on the same ports and data, nothing may be lost while it is down.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path brokerHome;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private Process process;

    public KafkaBrokerProcess(Path brokerHome, int port, int controllerPort, Path dataDir) {
        this.brokerHome = brokerHome.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
    }

    /** The kafka-broker module's build output: {@code target/classes} and {@code target/lib}. */
    public static Path defaultBrokerHome() {
        String configured = System.getProperty("gv.kafka.broker.home");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("kafka-broker/target");
            if (Files.isDirectory(candidate.resolve("lib"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("kafka-broker/target/lib not found: build the kafka-broker module first");
    }

    public synchronized KafkaBrokerProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = brokerHome.resolve("classes") + File.pathSeparator + brokerHome.resolve("lib") + File.separator + "*";
            ProcessBuilder builder = new ProcessBuilder(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-cp", classpath, "rs.greenvoucher.kafkabroker.KafkaBrokerMain",
                    Integer.toString(port), Integer.toString(controllerPort), dataDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(dataDir.resolve("broker.log").toFile()));
            process = builder.start();
            waitUntilListening(Duration.ofSeconds(60));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start", e);
        }
    }

    private void waitUntilListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Path log = dataDir.resolve("broker.log");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ", see " + log);
            }
            if (accepts(port) && logSaysStarted(log)) {
                return;
            }
            try {
                Thread.sleep(100); // polling a child process' readiness, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout + ", see " + log);
    }

    private static boolean logSaysStarted(Path log) {
        try {
            return Files.readString(log).contains("Kafka Server started");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** kill -9 of the broker: nothing is flushed or handed over. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() {
        stop();
    }
}
