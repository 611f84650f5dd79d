package rs.greenvoucher.evaluation;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;
import rs.greenvoucher.api.kafka.Topics;

import java.time.Clock;

@Configuration
@EnableScheduling
class EvaluationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NewTopic decisionsTopic() {
        return TopicBuilder.name(Topics.EVALUATION_DECISIONS).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic decisionsDeadLetterTopic() {
        return TopicBuilder.name(Topics.EVALUATION_DECISIONS + Topics.DEAD_LETTER_SUFFIX).partitions(6).replicas(1).build();
    }
}
