package rs.greenvoucher.web.console;

import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.api.value.Stage;

import java.util.List;
import java.util.Map;

/**
 * Whether the evaluation service's four-eyes rule would refuse this person's decision on the item's stage: the
 * committee is not the screener's, the completion check not the approver's. Said before the form is offered, so
 * nobody fills a form only to be refused; the service still decides.
 */
final class FourEyesNotice {

    private static final Map<String, String> EARLIER = Map.of("COMMITTEE", "SCREENING", "COMPLETION_VERIFICATION", "COMMITTEE");

    private FourEyesNotice() {
    }

    static boolean applies(Stage stage, String me, List<WorkItem.DecisionTaken> decisions) {
        String earlier = stage == null ? null : EARLIER.get(stage.name());
        return earlier != null && decisions.stream()
                .anyMatch(d -> earlier.equals(d.stage()) && "APPLIED".equals(d.outcome()) && me.equals(d.decidedBy()));
    }
}
