package rs.greenvoucher.evaluation.queue;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import rs.greenvoucher.platform.metrics.TableFigures;

import java.time.Duration;

/**
 * The evaluators' pipeline for the operator (docs/operations.md): decisions waiting for core, and those stuck
 * (pending longer than gv-evaluation.pending-stuck-after), the items waiting per stage, the decisions by stage and
 * outcome.
 */
@Configuration(proxyBeanMethods = false)
class QueueMetrics {

    @Bean
    MeterBinder queueMeters(JdbcClient jdbc, @Value("${gv-evaluation.pending-stuck-after:PT2M}") Duration stuckAfter) {
        TableFigures figures = new TableFigures(jdbc)
                .figure("gv.decisions.pending", "decisions taken here and not yet applied by core",
                        "select count(*) from decision where outcome = 'PENDING'")
                .figure("gv.decisions.stuck", "decisions pending longer than the stuck threshold",
                        "select count(*) from decision where outcome = 'PENDING' and decided_at < now() - interval '"
                                + stuckAfter.toSeconds() + " seconds'")
                .figure("gv.decisions.unpublished", "decisions not yet sent to Kafka (the outbox)",
                        "select count(*) from decision where published_at is null");
        for (String stage : new String[]{"SCREENING", "PROVIDER_MATCHING", "COMMITTEE", "COMPLETION_VERIFICATION"}) {
            figures.figure("gv.queue.items", "items waiting at a stage", "select count(*) from work_item where stage = '" + stage + "'",
                    "stage", stage);
            for (String outcome : new String[]{"APPLIED", "REFUSED", "WITHDRAWN"}) {
                figures.figure("gv.decisions", "decisions by stage and what core made of them",
                        "select count(*) from decision where stage = '" + stage + "' and outcome = '" + outcome + "'",
                        "stage", stage, "outcome", outcome);
            }
        }
        return figures;
    }
}
