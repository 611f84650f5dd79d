package rs.greenvoucher.core;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import rs.greenvoucher.infra.TestInfrastructure;

/** Base of core's integration tests: the real service on a random port, real PostgreSQL, real Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gv.bootstrap-admin.username=admin", "gv.bootstrap-admin.password=admin-password-for-tests"})
public abstract class CoreIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gv_core");
    }
}
