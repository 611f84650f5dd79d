package rs.greenvoucher.web.track;

import rs.greenvoucher.api.http.ThroughputReport;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each stage usually takes, from the reporting figures: a courtesy the pages show beside a status. */
@org.springframework.stereotype.Component
record UsualDurations(ServiceApi api) {

    private static final Map<String, String> WAITING_IN = Map.of("SUBMITTED", "SCREENING", "SCREENED", "PROVIDER_MATCHING",
            "PROVIDER_MATCHED", "COMMITTEE", "COMPLETION_REPORTED", "COMPLETION_VERIFICATION");

    /** Status → how long its stage usually takes, from the reporting figures (the median). */
    Map<String, BigDecimal> byStatus() {
        Map<String, BigDecimal> byStage = new LinkedHashMap<>();
        try {
            for (ThroughputReport.StageTime stage : api.list(Service.CORE, "/api/reports/stage-times", ThroughputReport.StageTime.class)) {
                if (stage.medianHours() != null && stage.applications() > 0) {
                    byStage.put(stage.stage(), stage.medianHours());
                }
            }
        } catch (ApiProblem e) {
            return Map.of(); // the figures are a courtesy: the page works without them
        }
        Map<String, BigDecimal> byStatus = new LinkedHashMap<>();
        WAITING_IN.forEach((status, stage) -> {
            if (byStage.containsKey(stage)) {
                byStatus.put(status, byStage.get(stage));
            }
        });
        return byStatus;
    }
}
