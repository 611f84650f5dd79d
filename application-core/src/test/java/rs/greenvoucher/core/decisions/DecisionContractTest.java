package rs.greenvoucher.core.decisions;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.core.voucher.decide.DecideOnApplication;
import rs.greenvoucher.core.voucher.match.MatchProviders;
import rs.greenvoucher.core.voucher.reject.RejectApplication;
import rs.greenvoucher.core.voucher.screen.ScreenApplication;
import rs.greenvoucher.core.voucher.verify.VerifyCompletion;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.core.voucher.VoucherCommand;
import rs.greenvoucher.core.voucher.inform.RequestInformation;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.infra.ContractExamples;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consumer's side of the contract on gv.evaluation.decisions: each checked-in example (application-api,
 * contract/gv.evaluation.decisions) read as core reads it becomes the one command it means.
 */
class DecisionContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void aPassedScreeningScreensWithItsChecks() {
        ScreenApplication c = (ScreenApplication) command("screening-pass");
        assertThat(c.passed()).isTrue();
        assertThat(c.checks()).hasSize(2);
        assertThat(c.noteToApplicant()).isEqualTo("Sve je u redu.");
    }

    @Test
    void aFailedScreeningCarriesTheFailedRule() {
        ScreenApplication c = (ScreenApplication) command("screening-fail");
        assertThat(c.passed()).isFalse();
        assertThat(c.checks().get(0).rule()).isEqualTo(RuleCode.E6);
        assertThat(c.checks().get(0).passed()).isFalse();
    }

    @Test
    void aMatchMatchesTheProviders() {
        MatchProviders c = (MatchProviders) command("matching");
        assertThat(c.providerCodes()).containsExactly(new ProviderCode("12"), new ProviderCode("23"));
    }

    @Test
    void aRejectionAtMatchingRejectsAtThatStage() {
        RejectApplication c = (RejectApplication) command("matching-reject");
        assertThat(c.stage()).isEqualTo(Stage.PROVIDER_MATCHING);
        assertThat(c.ruleCodes()).containsExactly(RuleCode.P1);
    }

    @Test
    void anApprovalCarriesTheAmountAndTheScores() {
        DecideOnApplication c = (DecideOnApplication) command("committee-approve");
        assertThat(c.approve()).isTrue();
        assertThat(c.amount()).isEqualTo(Money.eur("10800"));
        assertThat(c.scores().resourceEfficiency()).isEqualTo(5);
    }

    @Test
    void aCommitteeRejectionCarriesItsRulesAndNoAmount() {
        DecideOnApplication c = (DecideOnApplication) command("committee-reject");
        assertThat(c.approve()).isFalse();
        assertThat(c.amount()).isNull();
        assertThat(c.ruleCodes()).containsExactly(RuleCode.S3);
    }

    @Test
    void anAcceptedReportCompletesAReturnedOneCarriesItsNote() {
        assertThat(((VerifyCompletion) command("verification-accept")).accepted()).isTrue();
        VerifyCompletion returned = (VerifyCompletion) command("verification-return");
        assertThat(returned.accepted()).isFalse();
        assertThat(returned.note()).isEqualTo("Add the test report of the prototype.");
    }

    @Test
    void aRequestForInformationCarriesWhatIsAskedAndTheDate() {
        RequestInformation asked = (RequestInformation) command("screening-information-request");
        assertThat(asked.stage()).isEqualTo(Stage.SCREENING);
        assertThat(asked.documentKinds()).containsExactly(DocumentKind.FINANCIAL_STATEMENTS);
        assertThat(asked.fields()).containsExactly(RequestedField.EMPLOYEES);
        assertThat(asked.replyBy()).isEqualTo(java.time.LocalDate.parse("2026-12-08"));
        assertThat(asked.message()).startsWith("Pošaljite finansijske izveštaje");
    }

    @Test
    void theCommitteeCannotAskForInformation() {
        EvaluationDecision wrong = JSON.readValue(example("screening-information-request").replace("\"SCREENING\"", "\"COMMITTEE\""),
                EvaluationDecision.class);
        assertThatThrownBy(() -> DecisionConsumer.toCommand(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not at COMMITTEE");
    }

    @Test
    void anOutcomeTheStageDoesNotHaveIsNoDecision() {
        EvaluationDecision wrong = JSON.readValue(example("screening-pass").replace("\"PASS\"", "\"APPROVE\""), EvaluationDecision.class);
        assertThatThrownBy(() -> DecisionConsumer.toCommand(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PASS or FAIL");
    }

    private static VoucherCommand command(String name) {
        return DecisionConsumer.toCommand(JSON.readValue(example(name), EvaluationDecision.class));
    }

    static String example(String name) {
        return ContractExamples.read("gv.evaluation.decisions", name);
    }

    static List<String> examples() {
        return List.of("screening-pass", "screening-fail", "matching", "matching-reject", "committee-approve", "committee-reject",
                "verification-accept", "verification-return", "screening-information-request");
    }
}
