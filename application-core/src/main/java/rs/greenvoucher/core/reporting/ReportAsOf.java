package rs.greenvoucher.core.reporting;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.api.application.ApplicationEvent;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The report as it was known at an instant: inside one transaction that is always rolled back, the reporting
 * projection's own handlers replay every application event that had happened by then into temporary tables that
 * shadow its tables (PostgreSQL looks in the session's temporary schema first), the calls are limited to those that
 * existed then, and the report's own queries run over them. Same code as the live report, nothing written.
 */
@Component
class ReportAsOf {

    private final EventStore events;
    private final JdbcClient jdbc;
    private final ReportQueries queries;
    private final AnnotationEventHandlerAdapter projection;
    private final TransactionTemplate transaction;

    ReportAsOf(EventStore events, JdbcClient jdbc, ReportQueries queries, ReportingProjection projection,
               PlatformTransactionManager transactions) {
        this.events = events;
        this.jdbc = jdbc;
        this.queries = queries;
        this.projection = new AnnotationEventHandlerAdapter(projection);
        this.transaction = new TransactionTemplate(transactions);
    }

    ThroughputReport report(Instant asOf, LocalDate from, LocalDate to, UUID callId) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("create temp table report_application (like public.report_application including all) on commit drop").update();
            jdbc.sql("create temp table report_indicator (like public.report_indicator including all) on commit drop").update();
            jdbc.sql("create temp table scheme_call on commit drop as select * from public.scheme_call where created_at <= :asOf")
                    .param("asOf", Timestamp.from(asOf)).update();
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    if (message.getPayload() instanceof ApplicationEvent e && !e.occurredAt().isAfter(asOf)) {
                        projection.handle(message);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return queries.report(from, to, callId);
        });
    }
}
