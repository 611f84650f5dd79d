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
import java.util.ArrayList;
import java.util.List;

/**
 * A single-node Kafka KRaft broker (Apache Kafka's own jars, the kafka-broker module) in its own process: stopped and
 * started again on the same ports and data, nothing may be lost while it is down.
 */
public final class KafkaBrokerProcess implements KafkaBrokers {

    private final Path brokerHome;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final List<String> clusterArguments;
    private Process process;
    private long logStart; // this start's lines begin here: the log keeps the earlier starts' lines

    public KafkaBrokerProcess(Path brokerHome, int port, int controllerPort, Path dataDir) {
        this(brokerHome, port, controllerPort, dataDir, List.of());
    }

    /** One node of a cluster: its node id, the quorum's voters and the cluster's id (KafkaBrokerMain). */
    KafkaBrokerProcess(Path brokerHome, int port, int controllerPort, Path dataDir, List<String> clusterArguments) {
        this.brokerHome = brokerHome.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath();
        this.clusterArguments = clusterArguments;
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

    @Override
    public synchronized KafkaBrokerProcess start() {
        launch();
        waitUntilListening(Duration.ofSeconds(60));
        return this;
    }

    /** Starts the process without waiting for it: a cluster's nodes wait for each other's quorum. */
    synchronized void launch() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = brokerHome.resolve("classes") + File.pathSeparator + brokerHome.resolve("lib") + File.separator + "*";
            List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-cp", classpath, "rs.greenvoucher.kafkabroker.KafkaBrokerMain",
                    Integer.toString(port), Integer.toString(controllerPort), dataDir.toString()));
            command.addAll(clusterArguments);
            Path log = dataDir.resolve("broker.log");
            logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start", e);
        }
    }

    synchronized void waitUntilListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Path log = dataDir.resolve("broker.log");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ", see " + log);
            }
            if (accepts(port) && logSaysStarted(log, logStart)) {
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

    private static boolean logSaysStarted(Path log, long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            return from <= all.length && new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8)
                    .contains("Kafka Server started");
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

    @Override
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

    @Override
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
