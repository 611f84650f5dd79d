package rs.greenvoucher.evaluation.decisions;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FourEyesTest {

    @Test
    void theScreenerCannotTakeTheCommitteeDecision() {
        assertThatThrownBy(() -> FourEyes.check(Stage.COMMITTEE, "jelena", Map.of(Stage.SCREENING, Set.of("jelena"))))
                .isInstanceOf(Refusal.class).extracting("code").isEqualTo(RefusalCode.FOUR_EYES);
    }

    @Test
    void whoApprovedCannotVerifyTheCompletion() {
        assertThatThrownBy(() -> FourEyes.check(Stage.COMPLETION_VERIFICATION, "marko", Map.of(Stage.COMMITTEE, Set.of("marko"))))
                .isInstanceOf(Refusal.class).extracting("code").isEqualTo(RefusalCode.FOUR_EYES);
    }

    @Test
    void anotherEvaluatorMayDecide() {
        assertThatCode(() -> FourEyes.check(Stage.COMMITTEE, "marko", Map.of(Stage.SCREENING, Set.of("jelena"))))
                .doesNotThrowAnyException();
    }

    @Test
    void theScreenerMayMatchProviders() {
        assertThatCode(() -> FourEyes.check(Stage.PROVIDER_MATCHING, "jelena", Map.of(Stage.SCREENING, Set.of("jelena"))))
                .doesNotThrowAnyException();
    }
}
