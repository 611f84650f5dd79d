package rs.greenvoucher.core.publishing;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class PublishingConfiguration {

    /** A failed send must stop the processor (and be retried), never be logged and skipped. */
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaPublisher.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
