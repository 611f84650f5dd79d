package rs.greenvoucher.core.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import rs.greenvoucher.api.kafka.Topics;

@Configuration
class PublishingConfiguration {

    /** A failed send must stop the processor (and be retried), never be logged and skipped. */
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaPublisher.GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    NewTopic applicationEventsTopic() {
        return TopicBuilder.name(Topics.APPLICATION_EVENTS).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic applicationEventsDeadLetterTopic() {
        return TopicBuilder.name(Topics.APPLICATION_EVENTS + Topics.DEAD_LETTER_SUFFIX).partitions(6).replicas(1).build();
    }
}
