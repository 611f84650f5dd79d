package rs.greenvoucher.web.console;

import rs.greenvoucher.web.portal.ServiceApi;

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

    static boolean applies(String stage, String me, List<Object> decisions) {
        String earlier = stage == null ? null : EARLIER.get(stage);
        return earlier != null && decisions.stream().map(ServiceApi::map)
                .anyMatch(d -> earlier.equals(d.get("stage")) && "APPLIED".equals(d.get("outcome")) && me.equals(d.get("decided_by")));
    }
}
