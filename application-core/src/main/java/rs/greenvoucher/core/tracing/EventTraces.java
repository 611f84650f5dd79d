package rs.greenvoucher.core.tracing;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rs.greenvoucher.platform.tracing.Traces;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The trace of the request (or of the decision's record) that sends a command goes into the command's metadata, and
 * from it into the metadata of every event the command makes, so the publisher sends each event's record on in the
 * same trace (docs/adr/0034). Axon's own tracing module would span every handler of every processor; this is the one
 * hop a trace needs, at the cost of one metadata entry per event.
 */
@Configuration(proxyBeanMethods = false)
class EventTraces {

    /** Axon's default (correlationId, traceId of the causing message), which a provider of our own would replace. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider traceparentOfTheCommand() {
        return new SimpleCorrelationDataProvider(Traces.HEADER);
    }

    @Bean
    SmartInitializingSingleton traceparentOnCommands(ObjectProvider<CommandBus> bus, Traces traces) {
        return () -> bus.ifAvailable(b -> b.registerDispatchInterceptor(new TraceparentOnCommands(traces)));
    }

    record TraceparentOnCommands(Traces traces) implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                if (command.getMetaData().containsKey(Traces.HEADER)) {
                    return command;
                }
                String traceparent = traces.current();
                return traceparent == null ? command : command.andMetaData(Map.of(Traces.HEADER, traceparent));
            };
        }
    }
}
