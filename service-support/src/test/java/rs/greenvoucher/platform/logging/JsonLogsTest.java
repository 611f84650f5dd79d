package rs.greenvoucher.platform.logging;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogsTest {

    @Test
    void jsonTurnsSpringBootsStructuredLoggingOnForTheConsoleAndTheFile() {
        ConfigurableEnvironment environment = new MockEnvironment().withProperty("GV_LOG_FORMAT", "json");
        new JsonLogs().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.structured.format.file")).isEqualTo("ecs");
        assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
    }

    @Test
    void withoutItTheLinesStayPlain() {
        for (String value : new String[]{null, "", "text", "xml"}) {
            MockEnvironment environment = new MockEnvironment();
            if (value != null) {
                environment.setProperty("GV_LOG_FORMAT", value);
            }
            new JsonLogs().postProcessEnvironment(environment, new SpringApplication());
            assertThat(environment.getProperty("logging.structured.format.console")).as(String.valueOf(value)).isNull();
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void springBootRunsIt() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(org.springframework.boot.EnvironmentPostProcessor.class,
                getClass().getClassLoader())).contains(JsonLogs.class.getName());
    }
}
