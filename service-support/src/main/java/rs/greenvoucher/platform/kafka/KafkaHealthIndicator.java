package rs.greenvoucher.platform.kafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * UP when the cluster answers a describe within three seconds. One admin client for the service's life, and an
 * answer at most every five seconds: a crowd of health checks costs Kafka one request, not one connection each.
 * The details (node count) are shown to ADMINs only (management.endpoint.health.show-details).
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final Map<String, Object> config;
    private AdminClient client;
    private Health last;
    private Instant lastAt = Instant.MIN;

    public KafkaHealthIndicator(KafkaAdmin admin) {
        this.config = new HashMap<>(admin.getConfigurationProperties());
        this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    }

    @Override
    public synchronized Health health() {
        if (last != null && lastAt.plus(FRESH).isAfter(Instant.now())) {
            return last;
        }
        last = check();
        lastAt = Instant.now();
        return last;
    }

    private Health check() {
        try {
            if (client == null) {
                client = AdminClient.create(config);
            }
            int nodes = client.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(3, TimeUnit.SECONDS).size();
            return Health.up().withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (Exception e) {
            return Health.down().withDetail("error", "Kafka did not answer").build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(2));
        }
    }
}
