package rs.greenvoucher.platform.security;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.platform.kafka.WholeTopicReaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which access tokens were revoked (an account disabled, a password changed): every instance of every service
 * reads core's TokensRevoked events from {@link Topics#ACCOUNT_EVENTS} (all partitions, from the beginning, no
 * consumer group) and refuses a token whose {@code ver} claim is below the account's valid version. Kafka brings a
 * revocation within a second; while Kafka is down, tokens expire on their own within their short lifetime.
 */
public class TokenRevocations implements SmartLifecycle, OAuth2TokenValidator<Jwt> {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

    private final Map<String, Integer> validFrom = new ConcurrentHashMap<>();
    private final Map<String, Object> config;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean running;
    private Thread reader;

    public TokenRevocations(String bootstrapServers) {
        Map<String, Object> c = WholeTopicReaders.config(bootstrapServers, "token-revocations");
        this.config = c;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object claim = jwt.getClaims().get("ver");
        if (!(claim instanceof Number version)) {
            return OAuth2TokenValidatorResult.success(); // a token from an issuer that does not version its tokens
        }
        Integer min = validFrom.get(jwt.getSubject());
        if (min != null && version.intValue() < min) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked.", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** Also called by core directly, so that its own instance refuses a revoked token at once. */
    public void revoked(String accountId, int validFromVersion) {
        validFrom.merge(accountId, validFromVersion, Math::max);
    }

    private void read() {
        while (running) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                List<PartitionInfo> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(10));
                if (partitions == null || partitions.isEmpty()) {
                    pause();
                    continue;
                }
                List<TopicPartition> assigned = partitions.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                        apply(record.value());
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("cannot read {} ({}); trying again", Topics.ACCOUNT_EVENTS, e.toString());
                    pause();
                }
            }
        }
    }

    private void apply(String value) {
        try {
            JsonNode event = json.readTree(value);
            if ("TokensRevoked".equals(event.path("type").asString(null)) && event.path("accountId").isString()
                    && event.path("validFromVersion").isInt()) {
                revoked(event.path("accountId").asString(), event.path("validFromVersion").asInt());
            }
        } catch (RuntimeException e) {
            log.warn("ignoring an unreadable account event: {}", e.toString());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::read, "token-revocations");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        if (reader != null) {
            reader.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
