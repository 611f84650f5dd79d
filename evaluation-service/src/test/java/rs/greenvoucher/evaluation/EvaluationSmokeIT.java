package rs.greenvoucher.evaluation;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.SmokeChecks;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationSmokeIT extends EvaluationIntegrationTest {



    @Test
    void startsOnPostgresAndKafkaAndIsReady() {
        SmokeChecks.assertReadyDocumentedAndProtected(port, "/api/queue",
                rs.greenvoucher.infra.TestTokens.get().token("admin-ana", "Ana Admin", "ADMIN"), "db", "kafka");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single()).isPositive();
    }
}
