package rs.greenvoucher.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * Axon on PostgreSQL for every service that has Axon on its classpath, spelled out instead of left to Axon's
 * auto-configuration (docs/adr/0002). The schema is {@code classpath:db/axon} (Flyway, V1):
 * the JDBC event store on tables Flyway creates (bytea payloads, a global index that grows by 1),
 * Jackson (2) as the only serializer, Spring's transaction manager so that limits written with JDBC commit
 * or roll back together with the events, and pinned gap handling for the tracking processors.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration"})
@ConditionalOnClass(JdbcEventStorageEngine.class)
public class AxonPostgresAutoConfiguration {

    /** How long a tracking processor waits for a lower global index to show up before it gives up on it. */
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);
    /** Gaps further behind the head than this many positions are not tracked any more. */
    static final int MAX_GAP_OFFSET = 10_000;

    public static ObjectMapper axonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Sealing the personal fields where the service keeps their keys (core); plain Jackson everywhere else. */
    @Bean
    @Primary
    public Serializer serializer(org.springframework.beans.factory.ObjectProvider<rs.greenvoucher.platform.privacy.PersonalKeys> keys) {
        Serializer jackson = jacksonSerializer();
        rs.greenvoucher.platform.privacy.PersonalKeys personalKeys = keys.getIfAvailable();
        return personalKeys == null ? jackson : new SealingSerializer(jackson, personalKeys);
    }

    /** Jackson, each event under the name it is stored as (StoredEventNames). */
    public static Serializer jacksonSerializer() {
        return new StoredNamesSerializer(JacksonSerializer.builder().objectMapper(axonObjectMapper()).lenientDeserialization()
                .revisionResolver(AxonPostgresAutoConfiguration::revision).build());
    }

    /** An event's revision is its {@link rs.greenvoucher.api.application.Revision}; none for the first shape. */
    static String revision(Class<?> type) {
        rs.greenvoucher.api.application.Revision revision = type.getAnnotation(rs.greenvoucher.api.application.Revision.class);
        return revision == null ? null : revision.value();
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    public EventSchema eventSchema() {
        return AxonTables.events();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return AxonTables.tokens();
    }

    /** Processors' positions live in PostgreSQL next to the projections they feed, committed with them. */
    @Bean
    public org.axonframework.eventhandling.tokenstore.TokenStore tokenStore(
            ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
            @org.springframework.beans.factory.annotation.Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 EventSchema eventSchema,
                                                 java.util.List<org.axonframework.serialization.upcasting.event.EventUpcaster> upcasters) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .schema(eventSchema)
                .upcasterChain(new org.axonframework.serialization.upcasting.event.EventUpcasterChain(upcasters))
                .batchSize(500)
                .gapTimeout((int) GAP_TIMEOUT.toMillis())
                .maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(1)
                .build();
    }
}
