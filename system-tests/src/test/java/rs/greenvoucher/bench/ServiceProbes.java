package rs.greenvoucher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark reads from the running services, found by their jars on the command line: each one's resident
 * memory (VmRSS), and with {@code -Dgv.services.jfr=true} each one's JFR profile, dumped with jcmd to
 * {@code target/profiles/<module>.jfr}.
 */
final class ServiceProbes {

    static final List<String> MODULES = List.of("application-core", "evaluation-service", "notification-service", "web-ui");

    private ServiceProbes() {
    }

    static void report(String when) throws IOException, InterruptedException {
        for (String module : MODULES) {
            ProcessHandle service = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("/" + module + "-0")).findFirst().orElse(null);
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
}
