package rs.greenvoucher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark reads from the running processes, found by their command lines: each service's resident memory
 * (VmRSS), the CPU time each process of the stack has used (to say where a submission's time goes across processes),
 * and with {@code -Dgv.services.jfr=true} each service's JFR profile, dumped with jcmd to
 * {@code target/profiles/<module>.jfr}.
 */
final class ServiceProbes {

    static final List<String> MODULES = List.of("application-core", "evaluation-service", "notification-service", "web-ui");
    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private ServiceProbes() {
    }

    static void report(String when) throws IOException, InterruptedException {
        for (String module : MODULES) {
            ProcessHandle service = service(module);
            if (service == null) {
                continue;
            }
            String rss = Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
            System.out.printf("=== %s %s: %s%n", module, when, rss);
            if (Boolean.getBoolean("gv.services.jfr")) {
                Path out = Path.of("target", "profiles", module + ".jfr").toAbsolutePath();
                Files.createDirectories(out.getParent());
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(service.pid()),
                        "JFR.dump", "name=gv", "filename=" + out).inheritIO().start().waitFor();
            }
        }
    }

    /** CPU seconds used so far by each part of the stack: the four services, PostgreSQL, the broker, this benchmark. */
    static Map<String, Double> cpu() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String module : MODULES) {
            ProcessHandle service = service(module);
            seconds.put(module, service == null ? 0 : ticks(service.pid(), false) / TICKS);
        }
        // PostgreSQL: every postgres process alive, and what its exited backends left in the postmaster's children's times
        double postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/postgres") || p.info().commandLine().orElse("").startsWith("postgres:"))
                .mapToDouble(p -> ticks(p.pid(), p.info().command().orElse("").endsWith("/postgres"))).sum();
        seconds.put("postgresql", postgres / TICKS);
        seconds.put("kafka-broker", ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("KafkaBrokerMain"))
                .mapToDouble(p -> ticks(p.pid(), false)).sum() / TICKS);
        seconds.put("benchmark (load)", ticks(ProcessHandle.current().pid(), false) / TICKS);
        return seconds;
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Prints each part's CPU milliseconds per submission between two {@link #cpu()} readings, and its share. */
    static void reportCpu(Map<String, Double> before, Map<String, Double> after, int submissions, double wallSeconds) {
        double total = after.keySet().stream().mapToDouble(k -> after.get(k) - before.getOrDefault(k, 0.0)).sum();
        System.out.printf("=== CPU per submission, all processes: %.1f ms (%.0f %% of " + CORES + " cores over %.1f s)%n",
                total * 1000 / submissions, total * 100 / (CORES * wallSeconds), wallSeconds);
        after.forEach((part, seconds) -> {
            double used = seconds - before.getOrDefault(part, 0.0);
            System.out.printf("===   %-22s %6.2f ms per submission  %4.0f %%%n", part, used * 1000 / submissions, used * 100 / total);
        });
    }

    private static ProcessHandle service(String module) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("/" + module + "-0")).findFirst().orElse(null);
    }

    /** utime + stime of the process from /proc/PID/stat, with its waited-for children's when asked (the postmaster). */
    private static long ticks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state is [0], utime is the 14th field of the line, so [11]; stime [12]; cutime [13]; cstime [14]
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended between the listing and the reading
        }
    }
}
