package rs.greenvoucher.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import rs.greenvoucher.platform.kafka.KafkaHealthIndicator;

/** What every service gets for Kafka: its topics, the listeners' error handling and dead letters, keys and revocations. */
@Configuration(proxyBeanMethods = false)
public class PlatformKafkaConfiguration {

    /**
     * A failed send is logged without the record's key and value: they may be a personal data key or sealed personal
     * fields (docs/adr/0011), and logs are kept longer than an erasure allows.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor producerLogsWithoutContents() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof org.springframework.kafka.support.LoggingProducerListener<?, ?> listener) {
                    listener.setIncludeContents(false);
                }
                return bean;
            }
        };
    }

    /** Every Kafka listener: retry with back-off, then the dead-letter topic with the reason; never stop consuming. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(org.springframework.kafka.listener.CommonErrorHandler.class)
    org.springframework.kafka.listener.CommonErrorHandler kafkaErrorHandler(org.springframework.kafka.core.KafkaTemplate<Object, Object> template) {
        return rs.greenvoucher.platform.kafka.DeadLetters.errorHandler(template);
    }

    /**
     * Every service declares every topic with the same partition count before its listeners start, so no consumer
     * ever sees a topic the broker made up with fewer partitions (the broker's auto-creation is off).
     */
    @Bean
    org.springframework.kafka.core.KafkaAdmin.NewTopics greenVoucherTopics(
            @org.springframework.beans.factory.annotation.Value("${gv.kafka.partitions:6}") int partitions,
            @org.springframework.beans.factory.annotation.Value("${gv.kafka.replicas:1}") short replicas) {
        return new org.springframework.kafka.core.KafkaAdmin.NewTopics(java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        rs.greenvoucher.api.kafka.Topics.APPLICATION_EVENTS, rs.greenvoucher.api.kafka.Topics.EVALUATION_DECISIONS,
                        rs.greenvoucher.api.kafka.Topics.ACCOUNT_EVENTS)
                .flatMap(t -> java.util.stream.Stream.of(t, t + rs.greenvoucher.api.kafka.Topics.DEAD_LETTER_SUFFIX))
                        .map(t -> new org.apache.kafka.clients.admin.NewTopic(t, partitions, replicas))
                        // the applications' events stay: the evaluation queue can be built again from them (ADR 0015)
                        .map(t -> t.name().equals(rs.greenvoucher.api.kafka.Topics.APPLICATION_EVENTS)
                                ? t.configs(java.util.Map.of("retention.ms", "-1")) : t),
                java.util.stream.Stream.of(personalKeysTopic(partitions, replicas)))
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /**
     * The personal data keys are compacted, so that a deleted (erased) key is gone from the log too: segments roll
     * hourly and are compacted at once; a tombstone stays a day, long enough for every reader to see it.
     */
    static org.apache.kafka.clients.admin.NewTopic personalKeysTopic(int partitions, short replicas) {
        return new org.apache.kafka.clients.admin.NewTopic(rs.greenvoucher.api.kafka.Topics.PERSONAL_KEYS, partitions, replicas)
                .configs(java.util.Map.of("cleanup.policy", "compact", "segment.ms", "3600000",
                        "min.compaction.lag.ms", "0", "min.cleanable.dirty.ratio", "0.01", "delete.retention.ms", "86400000"));
    }

    /** The keys of personal fields for a service that reads them but keeps none (every service but core). */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(rs.greenvoucher.platform.privacy.PersonalKeys.class)
    rs.greenvoucher.platform.kafka.KafkaKeyRing personalKeyRing(
            @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new rs.greenvoucher.platform.kafka.KafkaKeyRing(bootstrapServers);
    }

    /** Revoked access tokens, learnt from core's account events; every service's decoder asks it. */
    @Bean
    rs.greenvoucher.platform.security.TokenRevocations tokenRevocations(
            @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new rs.greenvoucher.platform.security.TokenRevocations(bootstrapServers);
    }

    /**
     * Services other than core verify core's tokens against its JWKS (cached, kept through an outage of core), or an
     * external OpenID Connect issuer's, by configuration alone; issuer and audience are checked. Core signs its own
     * and declares its own decoder.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("gv.security.jwks-uri")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(org.springframework.security.oauth2.jwt.JwtDecoder.class)
    org.springframework.security.oauth2.jwt.JwtDecoder jwksJwtDecoder(
            @org.springframework.beans.factory.annotation.Value("${gv.security.jwks-uri}") String jwksUri,
            @org.springframework.beans.factory.annotation.Value("${gv.security.jwt.issuer:green-voucher-core}") String issuer,
            @org.springframework.beans.factory.annotation.Value("${gv.security.jwt.audience:green-voucher}") String audience,
            rs.greenvoucher.platform.security.TokenRevocations revocations) {
        return rs.greenvoucher.platform.security.JwtTrust.jwksDecoder(jwksUri,
                rs.greenvoucher.platform.security.JwtTrust.validators(issuer, audience, revocations));
    }

    @Bean
    rs.greenvoucher.platform.kafka.DeadLetterTopics deadLetterTopics(org.springframework.kafka.core.ConsumerFactory<?, ?> consumers,
                                                                     org.springframework.kafka.core.KafkaTemplate<Object, Object> template) {
        return new rs.greenvoucher.platform.kafka.DeadLetterTopics(consumers, template);
    }

    @Bean
    rs.greenvoucher.platform.kafka.DeadLetterTopicsController deadLetterTopicsController(rs.greenvoucher.platform.kafka.DeadLetterTopics topics) {
        return new rs.greenvoucher.platform.kafka.DeadLetterTopicsController(topics);
    }

    /** A record replayed from a dead-letter topic for another service's consumer group is not processed here. */
    @Bean
    org.springframework.kafka.listener.adapter.RecordFilterStrategy<Object, Object> replayedForAnotherGroup(
            @org.springframework.beans.factory.annotation.Value("${spring.kafka.consumer.group-id:}") String group) {
        return record -> rs.greenvoucher.platform.kafka.DeadLetterTopics.forAnotherGroup(record, group);
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
