package rs.greenvoucher.evaluation.queue;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.infra.ContractExamples;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation service's side of the contract on gv.application.events: each checked-in example (application-api,
 * contract/gv.application.events), read as the work queue reads it, moves the item to the stage it means.
 */
class ApplicationMessageContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSubmissionCarriesTheFormAndTheCallsMoneyRulesForTheAutoChecks() {
        var submitted = (ApplicationMessage.ApplicationSubmitted) message("01-submitted");
        assertThat(submitted.trackingCode()).isEqualTo("GIV-2026-000042");
        assertThat(submitted.form().enterprise().mb().value()).isEqualTo("20084693");
        assertThat(submitted.callParameters().moneyLimits().maxVoucher()).isEqualTo(Money.eur("20000"));
        assertThat(submitted.callParameters().moneyLimits().minServiceCost()).isEqualTo(Money.eur("2000"));
        assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void eachStepMovesTheItemToTheStageItMeans() {
        assertThat(NextStage.after(message("02-screened"))).isEqualTo(Stage.PROVIDER_MATCHING);
        assertThat(NextStage.after(message("03-matched"))).isEqualTo(Stage.COMMITTEE);
        assertThat(NextStage.after(message("05-completion-reported"))).isEqualTo(Stage.COMPLETION_VERIFICATION);
        for (String out : new String[]{"04-approved", "06-report-returned", "07-completed", "08-rejected", "09-withdrawn", "10-expired"}) {
            assertThat(NextStage.after(message(out))).as(out).isNull();
        }
    }

    @Test
    void aDocumentCarriesWhatItIsButNeverItsBytes() {
        var attached = (rs.greenvoucher.api.kafka.ApplicationMessage.DocumentAttached) message("17-document-attached");
        assertThat(attached.kind()).isEqualTo("PROVIDER_OFFER");
        assertThat(attached.sha256()).hasSize(64);
        assertThat(attached.status()).isEqualTo(rs.greenvoucher.api.value.ApplicationStatus.SUBMITTED);
    }

    @Test
    void theMoneyAfterApprovalMovesNoItem() {
        for (String money : new String[]{"22-invoice-submitted", "23-delivery-confirmed", "24-payment-proposed",
                "25-payment-approved", "26-payment-declined", "27-payment-made"}) {
            assertThat(message(money)).as(money).isInstanceOf(rs.greenvoucher.api.kafka.PaymentMessage.class);
            assertThat(NextStage.after(message(money))).as(money).isNull();
        }
    }

    @Test
    void aMatchCarriesTheProviderCodes() {
        assertThat(((DecisionMessage.ProvidersMatched) message("03-matched")).providerCodes())
                .containsExactly(new ProviderCode("12"), new ProviderCode("23"));
    }

    @Test
    void aRefusedDecisionNamesTheDecisionAndWhyAndKeepsTheStatus() {
        var refused = (DecisionMessage.DecisionRefused) message("11-decision-refused");
        assertThat(refused.decisionId()).isEqualTo(UUID.fromString("0f8d6b0e-3c1a-4a57-9a43-6f3b2b1e7a01"));
        assertThat(refused.code()).isEqualTo("L4");
        assertThat(refused.status()).isEqualTo(ApplicationStatus.PROVIDER_MATCHED);
    }

    @Test
    void everyDecisionsOutcomeNamesItsDecision() {
        for (String decided : new String[]{"02-screened", "03-matched", "04-approved", "06-report-returned", "07-completed", "08-rejected"}) {
            assertThat(message(decided)).as(decided).isInstanceOf(DecisionMessage.class);
        }
    }

    @Test
    void aReinstatementPutsTheItemBackAtItsStageAndACorrectionThatRejectsDoesNot() {
        assertThat(NextStage.after(message("15-decision-corrected"))).isEqualTo(Stage.PROVIDER_MATCHING);
        assertThat(NextStage.after(message("16-decision-corrected-rejects"))).isNull();
        assertThat(((DecisionMessage.DecisionCorrected) message("16-decision-corrected-rejects")).releasedEur())
                .isEqualTo(Money.eur("10800"));
    }

    @Test
    void anErasureNamesTheApplicantAndTakesTheItemOutOfTheQueue() {
        var erased = (ApplicationMessage.PersonalDataErased) message("12-personal-data-erased");
        assertThat(erased.applicantId()).isEqualTo("8b2f4d6a-1c3e-4a5b-9d7f-0e2c4a6b8d10");
        assertThat(NextStage.after(erased)).isNull();
    }

    @Test
    void aSubmissionSealedOnTheTopicOpensWithItsKeyAndReadsAsErasedWithout() {
        EventEnvelope clear = EventEnvelopes.read(JSON, example("01-submitted"));
        byte[] key = SealedText.newKey();
        String sealed = EventEnvelopes.write(JSON, clear, subject -> key);
        assertThat(sealed).doesNotContain("Ana Petrović").doesNotContain("ana@ekoplast.rs");

        var opened = (ApplicationMessage.ApplicationSubmitted) EventEnvelopes.read(JSON, sealed, subject -> key).payload();
        var erased = (ApplicationMessage.ApplicationSubmitted) EventEnvelopes.read(JSON, sealed, subject -> null).payload();

        assertThat(opened).isEqualTo(message("01-submitted"));
        assertThat(erased.form().enterprise().contactName()).isEqualTo(SealedText.ERASED);
        assertThat(erased.applicantEmail()).isEqualTo(SealedText.ERASED);
        assertThat(erased.form().enterprise().mb().value()).isEqualTo("20084693");
    }

    private static ApplicationMessage message(String name) {
        ApplicationMessage m = EventEnvelopes.read(JSON, example(name)).payload();
        assertThat(m).as(name).isNotInstanceOf(ApplicationMessage.Unrecognised.class);
        return m;
    }

    private static String example(String name) {
        return ContractExamples.read("gv.application.events", name);
    }
}
