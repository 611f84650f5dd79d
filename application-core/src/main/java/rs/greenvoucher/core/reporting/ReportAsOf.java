package rs.greenvoucher.core.reporting;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.http.ThroughputReport;
import rs.greenvoucher.platform.axon.ProjectionWrites;
import rs.greenvoucher.platform.axon.SealingSerializer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The report as it was known at an instant: inside one transaction that is always rolled back, the reporting
 * projection's own handlers replay every application event that had happened by then into temporary tables that
 * shadow its tables (PostgreSQL looks in the session's temporary schema first), the calls are limited to those that
 * existed then, and the report's own queries run over them. Same code as the live report, nothing written. The replay's
 * statements go in batches ({@link ProjectionWrites#replaying}).
 */
@Component
class ReportAsOf {

    private final EventStorageEngine storage;
    private final JdbcClient jdbc;
    private final ReportQueries queries;
    private final List<AnnotationEventHandlerAdapter> projections;
    private final TransactionTemplate transaction;
    private final ProjectionWrites writes;

    ReportAsOf(EventStorageEngine storage, JdbcClient jdbc, ReportQueries queries, ReportingProjection projection,
               EnvironmentReporting environment, PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.storage = storage;
        this.writes = writes;
        this.jdbc = jdbc;
        this.queries = queries;
        // the report's whole processing group: the applications and their indicators
        this.projections = List.of(new AnnotationEventHandlerAdapter(projection), new AnnotationEventHandlerAdapter(environment));
        this.transaction = new TransactionTemplate(transactions);
    }

    ThroughputReport report(Instant asOf, LocalDate from, LocalDate to, UUID callId) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("create temp table report_application (like public.report_application including all) on commit drop").update();
            jdbc.sql("create temp table report_indicator (like public.report_indicator including all) on commit drop").update();
            jdbc.sql("create temp table report_money (like public.report_money including all) on commit drop").update();
            jdbc.sql("create temp table scheme_call on commit drop as select * from public.scheme_call where created_at <= :asOf")
                    .param("asOf", Timestamp.from(asOf)).update();
            writes.replaying(() -> replay(asOf));
            return queries.report(from, to, callId);
        });
    }

    /**
     * Every event from the storage engine itself (its own messages, not the event store's stream, whose recent events
     * the processors share), with personal fields left sealed: the report uses none of them.
     */
    private void replay(Instant asOf) {
        SealingSerializer.withPersonalFieldsSealed(() -> {
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
                stream.forEach(message -> {
                    if (message.getPayload() instanceof ApplicationEvent e && !e.occurredAt().isAfter(asOf)) {
                        handle(message);
                    }
                });
            }
            return null;
        });
    }

    private void handle(TrackedEventMessage<?> message) {
        try {
            for (AnnotationEventHandlerAdapter projection : projections) {
                projection.handle(message);
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
