package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Readiness includes Kafka: UP when the cluster answers a describe within three seconds. */
public class KafkaHealthIndicator implements HealthIndicator {

    private final Map<String, Object> config;

    public KafkaHealthIndicator(KafkaAdmin admin) {
        this.config = new HashMap<>(admin.getConfigurationProperties());
        this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    }

    @Override
    public Health health() {
        try (AdminClient client = AdminClient.create(config)) {
            var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
            int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("error", "Kafka did not answer").build();
        }
    }
}
