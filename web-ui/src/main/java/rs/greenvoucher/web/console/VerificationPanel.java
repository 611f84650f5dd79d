package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.DecisionAccepted;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Completion verification: accept, or return with a note; each planned indicator beside what was reached. */
@org.springframework.stereotype.Component
record VerificationPanel(ServiceApi api) {

    record IndicatorRow(String indicator, String unit, BigDecimal baseline, BigDecimal target, BigDecimal reported,
                        BigDecimal share) {
    }

    Decisions.Result verification(UUID id, Map<String, String> form) {
        String choice = form.get("accepted");
        if (!"true".equals(choice) && !"false".equals(choice)) {
            return Decisions.Result.invalid(Map.of("accepted", "console.error.verification"));
        }
        if ("false".equals(choice) && FormValues.blankToNull(form.get("note")) == null) {
            return Decisions.Result.invalid(Map.of("note", "console.error.returnNote"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", Boolean.parseBoolean(choice));
        body.put("note", FormValues.blankToNull(form.get("note")));
        return Decisions.Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/completion-verification", body,
                DecisionAccepted.class));
    }

    /** Each planned indicator beside what the report says was reached, and the share of the planned change achieved. */
    List<IndicatorRow> indicators(ApplicationForm application, ApplicationView app) {
        Map<String, BigDecimal> reported = new LinkedHashMap<>();
        if (app.completionReport() != null && app.completionReport().environmentalResults() != null) {
            for (CompletionReport.IndicatorResult result : app.completionReport().environmentalResults()) {
                reported.put(result.indicator() + "|" + result.unit(), result.value());
            }
        }
        List<IndicatorRow> rows = new ArrayList<>();
        List<ApplicationForm.IndicatorTarget> targets = application.project() == null ? null : application.project().environmentalIndicators();
        for (ApplicationForm.IndicatorTarget target : targets == null ? List.<ApplicationForm.IndicatorTarget>of() : targets) {
            BigDecimal baseline = target.baseline();
            BigDecimal goal = target.target();
            BigDecimal value = reported.get(target.indicator() + "|" + target.unit());
            BigDecimal share = null;
            if (baseline != null && goal != null && value != null && goal.compareTo(baseline) != 0) {
                share = value.subtract(baseline).multiply(BigDecimal.valueOf(100))
                        .divide(goal.subtract(baseline), 0, RoundingMode.HALF_UP);
            }
            rows.add(new IndicatorRow(String.valueOf(target.indicator()), target.unit(), baseline, goal, value, share));
        }
        return rows;
    }
}
