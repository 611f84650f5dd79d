package rs.greenvoucher.core;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** application-core: the only writer of the application lifecycle. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class CoreApplication {

    public static void main(String[] args) {
        // no anonymous usage reports to AxonIQ from a public-administration system (set it to false to allow them)
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(CoreApplication.class, args);
    }
}
