package rs.greenvoucher.evaluation.decisions;

import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.Map;
import java.util.Set;

/**
 * The four-eyes rule (gv-evaluation.four-eyes, on by default): the committee decision is taken by someone other
 * than the evaluator who screened the application, and the completion is verified by someone other than the one
 * who approved the voucher. An ADMIN is held to it like anyone else.
 */
final class FourEyes {

    private FourEyes() {
    }

    /** {@code deciders}: who took the applied decisions of each earlier stage. */
    static void check(Stage stage, String me, Map<Stage, Set<String>> deciders) {
        if (stage == Stage.COMMITTEE && deciders.getOrDefault(Stage.SCREENING, Set.of()).contains(me)) {
            throw new Refusal(RefusalCode.FOUR_EYES,
                    "You screened this application; the committee decision needs another evaluator.");
        }
        if (stage == Stage.COMPLETION_VERIFICATION && deciders.getOrDefault(Stage.COMMITTEE, Set.of()).contains(me)) {
            throw new Refusal(RefusalCode.FOUR_EYES,
                    "You approved this voucher; its completion needs to be verified by another evaluator.");
        }
    }
}
