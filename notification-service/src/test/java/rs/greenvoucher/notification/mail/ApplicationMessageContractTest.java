package rs.greenvoucher.notification.mail;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.infra.ContractExamples;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notification service's side of the contract on gv.application.events: each checked-in example (application-api,
 * contract/gv.application.events), read as the planner reads it, is the mail it means to the applicant, or none.
 */
class ApplicationMessageContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PlannedMails.Recipient ANA = new PlannedMails.Recipient("a", "ana@ekoplast.rs", "sr",
            "Ana Petrović", "GIV-2026-000042");

    @Test
    void aSubmissionIsConfirmedWithTheProjectsTitleAndGoesToTheConfirmedAddress() {
        var submitted = (ApplicationMessage.ApplicationSubmitted) message("01-submitted");
        assertThat(submitted.applicantEmail()).isEqualTo("ana@ekoplast.rs");
        assertThat(submitted.applicantLanguage()).isEqualTo("sr");
        assertThat(mail("01-submitted").body()).contains("Recycled PET packaging line");
    }

    @Test
    void aScreeningTellsTheEvaluatorsNote() {
        assertThat(mail("02-screened").body()).contains("Sve je u redu.");
    }

    @Test
    void aMatchNamesTheProviders() {
        // a Serbian mail names the providers by their official Serbian names (ProviderNames), whatever name the event carries
        assertThat(mail("03-matched").body()).contains("Tehnološko-metalurški fakultet, Univerzitet u Beogradu",
                "Tehnološki fakultet, Univerzitet u Novom Sadu");
    }

    @Test
    void anApprovalTellsTheAmountAndTheDeadline() {
        var approved = (DecisionMessage.VoucherApproved) message("04-approved");
        assertThat(approved.validUntil()).isEqualTo(LocalDate.parse("2027-11-24"));
        assertThat(mail("04-approved").body()).contains("10.800,00", "24. 11. 2027");
    }

    @Test
    void aRejectionExplainsEachRuleInWords() {
        assertThat(mail("08-rejected").body()).contains("(S3)", "The benefit cannot be measured.");
    }

    @Test
    void aReturnedReportCompletionWithdrawalAndExpiryEachMakeAMail() {
        assertThat(mail("06-report-returned").body()).contains("Add the test report.");
        assertThat(mail("07-completed").body()).contains("10.800,00");
        assertThat(mail("09-withdrawn")).isNotNull();
        assertThat(mail("10-expired")).isNotNull();
    }

    @Test
    void aRequestForInformationSaysWhatIsNeededInWordsAndByWhen() {
        Templates.Mail asked = mail("18-information-requested");
        assertThat(asked.subject()).isEqualTo("Potrebne su dopune do 8. 12. 2026. — GIV-2026-000042");
        assertThat(asked.body()).contains("Pošaljite finansijske izveštaje za 2024. i 2025.",
                "finansijski izveštaji za poslednje dve godine; ispravite: broj zaposlenih", "(pravilo D3)");
    }

    @Test
    void theReminderAndTheExpiryOfARequestNameItsDate() {
        assertThat(mail("20-reply-reminder-due").subject()).isEqualTo("Podsetnik: dopune do 8. 12. 2026. — GIV-2026-000042");
        assertThat(mail("21-information-request-expired").body()).contains("nisu stigle do 8. 12. 2026.", "(pravilo D3)");
        assertThat(mail("19-information-provided")).isNull(); // the applicant's own reply
    }

    @Test
    void theApplicantsOwnReportAndARefusedDecisionMakeNone() {
        assertThat(mail("05-completion-reported")).isNull();
        assertThat(mail("11-decision-refused")).isNull();
        assertThat(mail("17-document-attached")).isNull(); // the applicant attached it: nothing to tell them
    }

    @Test
    void aReinstatedApplicationIsToldWhyAndACorrectionsProposalOrOneThatRejectsMakesNone() {
        assertThat(mail("15-decision-corrected").subject()).startsWith("Odluka o prijavi je ispravljena");
        assertThat(mail("15-decision-corrected").body()).contains("provere prihvatljivosti").contains("NACE 22.22 was read as 11.02.");
        assertThat(mail("13-correction-proposed")).isNull();
        assertThat(mail("14-correction-declined")).isNull();
        assertThat(mail("16-decision-corrected-rejects")).isNull(); // the ApplicationRejected that follows is told
        assertThat(mail("12-personal-data-erased")).isNull();
    }

    @Test
    void aTypeNewerThanThisServiceIsReadAsUnrecognisedAndMakesNoMail() {
        String newer = example("09-withdrawn").replace("\"ApplicationWithdrawn\"", "\"ApplicationPaused\"")
                .replace("\"reason\"", "\"pausedUntil\"");
        ApplicationMessage m = EventEnvelopes.read(JSON, newer).payload();
        assertThat(m).isInstanceOf(ApplicationMessage.Unrecognised.class);
        assertThat(ApplicationMails.of(m, ANA)).isNull();
    }

    @Test
    void aFieldAddedLaterIsIgnoredAndAPayloadThatDoesNotFitItsTypeIsPoison() {
        String added = example("02-screened").replace("\"noteToApplicant\"", "\"evaluatorsMood\" : \"good\", \"noteToApplicant\"");
        assertThat(EventEnvelopes.read(JSON, added).payload()).isInstanceOf(DecisionMessage.ApplicationScreened.class);
        String broken = example("04-approved").replace("\"validUntil\" : \"2027-11-24\"", "\"validUntil\" : \"next year\"");
        assertThatThrownBy(() -> EventEnvelopes.read(JSON, broken).payload())
                .isInstanceOf(PoisonMessageException.class);
    }

    private static Templates.Mail mail(String name) {
        return ApplicationMails.of(message(name), ANA);
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
