package rs.greenvoucher.core.limits;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The "limits" group runs subscribing (in the publishing transaction) and propagates every error, so that a
 * failed limit write rolls back the events with it instead of being logged and skipped.
 */
@Configuration
public class LimitsConfiguration {

    public static final String GROUP = "limits";

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
    }
}
