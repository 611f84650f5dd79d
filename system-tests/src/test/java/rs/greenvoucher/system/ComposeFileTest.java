package rs.greenvoucher.system;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run on the build machines, so docker-compose.yml is kept honest by construction: it parses, every
 * variable it gives a service is one that service reads, every variable a service needs without a default is given,
 * and the ports agree with the services' defaults. (ClusterFaultsIT checks its topology against the run.)
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(GV_[A-Z0-9_]+)(:[^}]*)?}");

    @Test
    @SuppressWarnings("unchecked")
    void composeGivesEachServiceOnlyTheVariablesItReads() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "kafka-1", "kafka-2", "kafka-3", "mail", "application-core", "evaluation-service",
                "notification-service", "web-ui");
        for (String name : List.of("application-core", "application-core-2", "evaluation-service", "evaluation-service-2",
                "notification-service", "notification-service-2", "web-ui")) {
            String service = name.replaceAll("-2$", "");
            Map<String, Object> definition = services.get(name);
            Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
            Set<String> read = new HashSet<>();
            Set<String> required = new HashSet<>();
            Matcher m = PLACEHOLDER.matcher(Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
            while (m.find()) {
                read.add(m.group(1));
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
            assertThat(read).as(service + " reads").containsAll(environment.keySet());
            assertThat(environment.keySet()).as(service + " needs").containsAll(required);
            Map<String, Object> build = (Map<String, Object>) definition.get("build");
            Map<String, Object> args = (Map<String, Object>) build.get("args");
            assertThat(args).containsEntry("SERVICE", service);
            assertThat(Files.isDirectory(ROOT.resolve(service))).isTrue();
        }
        assertThat((List<String>) services.get("application-core").get("ports")).containsExactly("8080:8080");
        assertThat((List<String>) services.get("evaluation-service").get("ports")).containsExactly("8081:8081");
        assertThat((List<String>) services.get("notification-service").get("ports")).containsExactly("8082:8082");
        assertThat((List<String>) services.get("web-ui").get("ports")).containsExactly("8083:8083");
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).doesNotContainPattern("PASSWORD: [^$]");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("ARG SERVICE").contains("HEALTHCHECK")
                .contains("chown greenvoucher /var/lib/green-voucher");
    }

    @Test
    @SuppressWarnings("unchecked")
    void leastPrivilegeOnlyHttpPortsPublishedAndRestartedAfterACrash() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (var service : services.entrySet()) {
            assertThat(service.getValue().get("restart")).as(service.getKey()).isEqualTo("unless-stopped");
            if (!service.getKey().endsWith("-service") && !service.getKey().equals("application-core")
                    && !service.getKey().equals("web-ui")) {
                // a second instance is reached through the portal and the operator's load balancer
                assertThat((List<?>) service.getValue().getOrDefault("ports", List.of())).as(service.getKey() + " publishes no port").isEmpty();
            }
        }
        Map<String, String> databases = Map.of("application-core", "CORE", "evaluation-service", "EVALUATION",
                "notification-service", "NOTIFICATION");
        String init = Files.readString(ROOT.resolve("deploy/postgres-init.sh"));
        for (var db : databases.entrySet()) {
            Map<String, Object> environment = (Map<String, Object>) services.get(db.getKey()).get("environment");
            String role = "gv_" + db.getValue().toLowerCase();
            assertThat(environment.get("GV_" + db.getValue() + "_DB_USERNAME")).isEqualTo(role);
            assertThat(init).contains("create role " + role + " login").contains("create database " + role + " owner " + role);
        }
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<kafka-broker.version>([^<]+)</kafka-broker.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(services.get(node).get("image")).isEqualTo("apache/kafka:" + version.group(1));
        }
    }
}
