package rs.greenvoucher.core.reporting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.platform.axon.ProjectionWrites;

import java.util.List;
import java.util.UUID;

/**
 * The report's environmental figures: each application's planned indicators and, once reported, what they reached
 * (report_indicator), in the same tracking processor as the rest of the report ({@link ReportingProjection}).
 */
@Component
@ProcessingGroup(ReportingProjection.GROUP)
record EnvironmentReporting(ProjectionWrites writes, JdbcClient jdbc) {

    @EventHandler
    void on(ApplicationSubmitted e) {
        ApplicationForm form = e.form();
        for (ApplicationForm.IndicatorTarget t : form.project().environmentalIndicators()) {
            writes.update(indicatorKey(e.applicationId(), t.indicator().name(), t.unit()), """
                            insert into report_indicator (application_id, indicator, unit, baseline, target)
                            values (:id, :indicator, :unit, :baseline, :target)
                            on conflict (application_id, indicator, unit) do update set baseline = excluded.baseline, target = excluded.target""",
                    id(e.applicationId()).addValue("indicator", t.indicator().name()).addValue("unit", t.unit())
                            .addValue("baseline", t.baseline()).addValue("target", t.target()));
        }
    }

    @EventHandler
    void on(CompletionReported e) {
        for (CompletionReport.IndicatorResult r : e.report().environmentalResults()) {
            writes.update(indicatorKey(e.applicationId(), r.indicator().name(), r.unit()), """
                            insert into report_indicator (application_id, indicator, unit, result) values (:id, :indicator, :unit, :value)
                            on conflict (application_id, indicator, unit) do update set result = excluded.result""",
                    id(e.applicationId()).addValue("indicator", r.indicator().name()).addValue("unit", r.unit()).addValue("value", r.value()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate report_indicator").update();
    }

    /** The key of an application's report row is its id; of one of its indicator rows, this. */
    private static List<Object> indicatorKey(UUID applicationId, String indicator, String unit) {
        return List.of(applicationId, indicator, unit);
    }

    private static MapSqlParameterSource id(UUID applicationId) {
        return ReportingProjection.id(applicationId);
    }
}
