package rs.greenvoucher.notification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rs.greenvoucher.infra.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** Base of the service's integration tests: the real service on a random port, real PostgreSQL, real Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NotificationIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gv_notification");
        // tokens signed by the test issuer (core's stand-in), checked against its JWKS
        registry.add("gv.security.jwks-uri", () -> rs.greenvoucher.infra.TestTokens.get().jwksUri());
    }

    /** What the tests use of the running service: its port, its database, its Kafka and its JSON. */
    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JsonMapper json;
}
