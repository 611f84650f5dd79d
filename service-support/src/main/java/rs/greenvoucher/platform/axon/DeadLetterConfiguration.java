package rs.greenvoucher.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import rs.greenvoucher.platform.faults.Transience;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.messaging.deadletter.ThrowableCause.truncated;

/**
 * A sequenced dead-letter queue on PostgreSQL for every tracking processor named in
 * {@code gv.axon.dead-letter-groups}: an event its handlers cannot apply parks its own sequence (its application)
 * with the error, and the segment goes on with everyone else's events. A failure that can succeed later (the
 * database or Kafka unavailable) is not parked: it fails the batch, which the processor retries with back-off.
 * Parked sequences are retried every {@code gv.axon.dead-letter-retry} and can be listed, retried and evicted by an
 * ADMIN ({@link ParkedEventsController}).
 */
@AutoConfiguration(after = AxonPostgresAutoConfiguration.class)
@ConditionalOnClass(JdbcSequencedDeadLetterQueue.class)
@ConditionalOnProperty("gv.axon.dead-letter-groups")
public class DeadLetterConfiguration {

    /** The table the service's Flyway creates (core: V6__dead_letters.sql); unquoted names, as PostgreSQL folds them. */
    public static final String TABLE = "dead_letter_entry";

    @Bean
    static DeadLetterGroups deadLetterGroups(@Value("${gv.axon.dead-letter-groups}") List<String> groups) {
        return new DeadLetterGroups(new LinkedHashSet<>(groups));
    }

    /** Static: Axon's handler definition asks for it early, before this configuration's own wiring. */
    @Bean
    static SavepointPerHandler savepointPerHandler(DeadLetterGroups groups,
                                                   org.springframework.beans.factory.ObjectProvider<PlatformTransactionManager> transactions) {
        return new SavepointPerHandler(groups.names(), transactions);
    }

    /** For the projections of these groups: their statements go to PostgreSQL a batch at a time. */
    @Bean
    ProjectionWrites projectionWrites(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc) {
        return new ProjectionWrites(jdbc);
    }

    @Autowired
    void configure(EventProcessingConfigurer processing, DeadLetterGroups groups, ConnectionProvider connections,
                   TransactionManager transactions, Serializer serializer) {
        EnqueuePolicy<EventMessage<?>> policy = (letter, cause) -> {
            if (Transience.isTransient(cause)) {
                // not the event's fault: fail the batch; the processor retries it with back-off
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            return Decisions.enqueue(truncated(cause));
        };
        for (String group : groups.names()) {
            processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                    .registerDeadLetterPolicy(group, c -> policy)
                    .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(group)
                            .connectionProvider(connections)
                            .transactionManager(transactions)
                            .schema(DeadLetterSchema.builder().deadLetterTable(TABLE).build())
                            .genericSerializer(serializer)
                            .eventSerializer(serializer)
                            .maxSequences(100_000)
                            .maxSequenceSize(10_000)
                            .claimDuration(Duration.ofSeconds(30))
                            .build())
                    // whether an event's sequence is parked is known in memory per claimed segment (made again on each
                    // claim), not asked of the table for every event: a query per event was the largest cost of a rebuild
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker.enableSequenceIdentifierCache());
        }
    }

    @Bean
    ParkedEvents parkedEvents(org.axonframework.config.EventProcessingConfiguration processing, DeadLetterGroups groups,
                              JdbcClient jdbc, MeterRegistry meters) {
        ParkedEvents parked = new ParkedEvents(processing, groups, jdbc);
        for (String group : groups.names()) {
            Gauge.builder("gv.axon.parked.events", () -> parked.count(group)).tag("processor", group)
                    .description("Events parked in the processor's dead-letter queue").register(meters);
        }
        return parked;
    }

    @Bean
    ParkedEventsController parkedEventsController(ParkedEvents parked) {
        return new ParkedEventsController(parked);
    }

    @Bean
    RebuildController rebuildController(org.axonframework.config.EventProcessingConfiguration processing,
                                        @Value("${gv.axon.rebuildable-groups:}") List<String> rebuildable) {
        return new RebuildController(processing, new LinkedHashSet<>(rebuildable));
    }

    @Bean(name = "parkedEventsHealthIndicator")
    org.springframework.boot.health.contributor.HealthIndicator parkedEventsHealthIndicator(ParkedEvents parked) {
        return () -> org.springframework.boot.health.contributor.Health.up().withDetail("parkedEvents", parked.counts()).build();
    }

    /** The processing groups that park failing sequences instead of stopping. */
    public record DeadLetterGroups(Set<String> names) {
    }
}
