package rs.greenvoucher.evaluation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rs.greenvoucher.infra.TestInfrastructure;

/** Base of the service's integration tests: the real service on a random port, real PostgreSQL, real Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EvaluationIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gv_evaluation");
        // tokens signed by the test issuer (core's stand-in), checked against its JWKS
        registry.add("gv.security.jwks-uri", () -> rs.greenvoucher.infra.TestTokens.get().jwksUri());
    }
}
