package rs.greenvoucher.evaluation.queue;

import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Stage;

/** Where an application waits for the evaluators after each event. */
final class NextStage {

    private NextStage() {
    }

    /** The stage an application waits in after this event; none when it waits for the applicant or is finished. */
    static Stage after(ApplicationMessage message) {
        if (message instanceof DecisionMessage.ApplicationScreened) {
            return Stage.PROVIDER_MATCHING;
        }
        if (message instanceof DecisionMessage.ProvidersMatched) {
            return Stage.COMMITTEE;
        }
        if (message instanceof ApplicationMessage.CompletionReported) {
            return Stage.COMPLETION_VERIFICATION;
        }
        if (message instanceof DecisionMessage.DecisionCorrected corrected && corrected.reinstates()) {
            // back at the stage the corrected decision was taken at, for someone to decide again
            return corrected.status() == ApplicationStatus.SCREENED ? Stage.PROVIDER_MATCHING
                    : corrected.status() == ApplicationStatus.PROVIDER_MATCHED ? Stage.COMMITTEE : null;
        }
        return null;
    }
}
