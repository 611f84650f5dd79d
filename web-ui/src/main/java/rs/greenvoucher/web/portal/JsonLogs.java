package rs.greenvoucher.web.portal;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * {@code GV_LOG_FORMAT=json} for the portal, as service-support's JsonLogs does for the services (the portal does not
 * depend on service-support): every line a JSON object in the Elastic Common Schema, Spring Boot's own structured
 * logging (docs/operations.md); anything else, or nothing, keeps the plain lines.
 */
public class JsonLogs implements EnvironmentPostProcessor {

    public static final String VARIABLE = "GV_LOG_FORMAT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("json".equalsIgnoreCase(environment.getProperty(VARIABLE, "").trim())) {
            environment.getPropertySources().addFirst(new MapPropertySource("gv-json-logs",
                    // the banner is no JSON line: a log shipper would choke on it
                    Map.of("logging.structured.format.console", "ecs", "logging.structured.format.file", "ecs",
                            "spring.main.banner-mode", "off")));
        }
    }
}
