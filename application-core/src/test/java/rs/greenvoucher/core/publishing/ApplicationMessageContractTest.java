package rs.greenvoucher.core.publishing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.CompletionReported;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherExpired;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationScreened;
import rs.greenvoucher.api.application.DecisionEvent.CompletionReportReturned;
import rs.greenvoucher.api.application.DecisionEvent.DecisionRefused;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.DecisionEvent.VoucherCompleted;
import rs.greenvoucher.api.application.DecisionEvent;
import rs.greenvoucher.api.application.GreenRole;
import rs.greenvoucher.api.application.Indicator;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.application.Region;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.kafka.ApplicationMessage.CallMoneyRules;
import rs.greenvoucher.api.kafka.EventEnvelope;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.infra.ContractExamples;
import rs.greenvoucher.platform.kafka.EventEnvelopes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's side of the contract on gv.application.events: every kind of event, published as the publisher
 * publishes it, is exactly its checked-in example (application-api, contract/gv.application.events), the same files
 * the evaluation and notification services' tests read.
 */
public class ApplicationMessageContractTest {

    static final UUID EVENT = UUID.fromString("3e7b1c9d-5a2f-4d68-b0e4-9c1a7f3d2b50");
    static final UUID APPLICATION = UUID.fromString("5d2c7e9a-8b4f-4e21-a7c3-1e9f0b6d4c22");
    static final UUID CALL = UUID.fromString("c0a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a70");
    static final UUID DECISION = UUID.fromString("0f8d6b0e-3c1a-4a57-9a43-6f3b2b1e7a01");
    static final String APPLICANT = "8b2f4d6a-1c3e-4a5b-9d7f-0e2c4a6b8d10";
    static final String EVALUATOR = "7a1e3c5b-2d4f-4b6a-8c9e-0f1a2b3c4d5e";
    static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

    static final CallMoneyRules CALL_PARAMETERS = new CallMoneyRules("Zeleni vaučer 2026", Money.eur("20000"),
            new BigDecimal("90.00"), Money.eur("2000"), new BigDecimal("30.00"), 12);
    static final EventPayload.Lookups LOOKUPS = new EventPayload.Lookups("20084693", CALL_PARAMETERS,
            code -> Map.of("12", "Tehnološko-metalurški fakultet, Beograd", "23", "Institut za multidisciplinarna istraživanja")
                    .getOrDefault(code.value(), code.value()),
            code -> new rs.greenvoucher.api.kafka.ProviderContact(code, code.equals("12")
                    ? "Tehnološko-metalurški fakultet, Beograd" : "Institut za multidisciplinarna istraživanja",
                    code.equals("12") ? List.of(new rs.greenvoucher.api.kafka.ProviderContact.Person("dragana.nikolic@tmf.example.rs", "sr"))
                            : List.of()),
            List.of("12", "23"));

    public static final Map<String, ApplicationEvent> EVENTS = events();

    static List<String> examples() {
        return EVENTS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void thePublishedMessageIsItsExample(String name) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        ApplicationEvent event = EVENTS.get(name);
        var envelope = EventEnvelope.of(EVENT, sequence(name), EventPayload.of(event, LOOKUPS));
        JsonNode written = json.readTree(json.writeValueAsString(envelope));
        Path file = Path.of("../application-api/src/main/resources/contract/gv.application.events/" + name + ".json");
        if (Boolean.getBoolean("gv.contract.write")) {
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n");
        }
        JsonNode example = json.readTree(example(name));
        assertThat(written.equals((a, b) -> a.isNumber() && b.isNumber()
                ? new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString())) : a.equals(b) ? 0 : 1, example))
                .as(name + ": " + written + "\n  is not\n" + example).isTrue();
        // and what a consumer reads from it is the message that was sent
        assertThat(EventEnvelopes.read(json, example(name)).payload()).isEqualTo(EventPayload.of(event, LOOKUPS));
    }

    static long sequence(String name) {
        return examples().indexOf(name);
    }

    static String example(String name) {
        return ContractExamples.read("gv.application.events", name);
    }

    static ApplicationForm form() {
        return new ApplicationForm(
                new ApplicationForm.Enterprise(new Mb("20084693"), new Pib("101134702"), "Eko Plast d.o.o.",
                        "Jovana Nenada 15, 24000 Subotica", Region.VOJVODINA, new NaceCode("22.22"), LocalDate.parse("2015-03-01"),
                        Ownership.PRIVATE_DOMESTIC, 42, Money.eur("3100000"), Money.eur("2500000"), GreenRole.END_USER,
                        "Ana Petrović", "ana@ekoplast.rs"),
                new ApplicationForm.Project("Recycled PET packaging line", "A line for food-grade recycled PET",
                        List.of(new ApplicationForm.Service(ServiceType.PROTOTYPING, "Prototype of the washing stage", Money.eur("12000"), null)),
                        LocalDate.parse("2027-02-01"),
                        List.of(new ApplicationForm.IndicatorTarget(Indicator.WASTE_REDUCED, "t/year", new BigDecimal("120"), new BigDecimal("80"))),
                        Money.eur("10800"), null),
                List.of(new ProviderCode("12"), new ProviderCode("23")),
                new ApplicationForm.Declarations(true, true, true, true));
    }

    private static Map<String, ApplicationEvent> events() {
        ApplicationForm form = form();
        Scores scores = new Scores(5, 4, 4);
        Map<String, ApplicationEvent> events = new LinkedHashMap<>();
        events.put("01-submitted", new ApplicationSubmitted(APPLICATION, "GIV-2026-000042", CALL, APPLICANT, form, AT, "sr", "ana@ekoplast.rs"));
        events.put("02-screened", new ApplicationScreened(APPLICATION, DECISION, List.of(new RuleCheck(RuleCode.E1, true, "Privately owned, domestic."),
                new RuleCheck(RuleCode.E6, true, "NACE 22.22 is not an excluded sector.")), "Sve je u redu.", EVALUATOR, AT));
        events.put("03-matched", new ProvidersMatched(APPLICATION, DECISION, List.of(new ProviderCode("12"), new ProviderCode("23")),
                null, EVALUATOR, AT));
        events.put("04-approved", new VoucherApproved(APPLICATION, DECISION, CALL, Money.eur("10800"), LocalDate.parse("2027-11-24"),
                scores, "Strong project.", EVALUATOR, AT));
        events.put("05-completion-reported", new CompletionReported(APPLICATION, new CompletionReport("The line runs.",
                List.of("Prototype", "Test report"), Money.eur("12000"),
                List.of(new CompletionReport.IndicatorResult(Indicator.WASTE_REDUCED, "t/year", new BigDecimal("95.5")))), AT));
        events.put("06-report-returned", new CompletionReportReturned(APPLICATION, DECISION, "Add the test report.", EVALUATOR, AT));
        events.put("07-completed", new VoucherCompleted(APPLICATION, DECISION, Money.eur("10800"), null, EVALUATOR, AT));
        events.put("08-rejected", new ApplicationRejected(APPLICATION, DECISION, Stage.COMMITTEE, List.of(RuleCode.S3),
                "The benefit cannot be measured.", new Scores(2, 1, 2), EVALUATOR, AT));
        events.put("09-withdrawn", new ApplicationWithdrawn(APPLICATION, "Changed plans.", AT));
        events.put("10-expired", new VoucherExpired(APPLICATION, CALL, Money.eur("10800"), AT));
        events.put("11-decision-refused", new DecisionRefused(APPLICATION, DECISION, "L4", "The call's budget has 500.00 EUR left.",
                ApplicationStatus.PROVIDER_MATCHED, AT));
        UUID correction = UUID.fromString("6a2d4f8b-1e3c-4b5a-9c7d-8e0f1a2b3c4d");
        String admin1 = "9c4e2a7b-3d5f-4e6a-8b1c-2d3e4f5a6b7c";
        String admin2 = "1f3b5d7e-9a2c-4e6b-8d0f-2a4c6e8b0d1f";
        events.put("13-correction-proposed", new ApplicationEvent.CorrectionProposed(APPLICATION, correction, Stage.SCREENING,
                ApplicationEvent.CorrectionKind.REINSTATE, List.of(), "NACE 22.22 was read as 11.02.", admin1, ApplicationStatus.REJECTED, AT));
        events.put("14-correction-declined", new ApplicationEvent.CorrectionDeclined(APPLICATION, correction, admin2,
                ApplicationStatus.REJECTED, AT));
        events.put("15-decision-corrected", new DecisionEvent.DecisionCorrected(APPLICATION, correction, Stage.SCREENING,
                ApplicationEvent.CorrectionKind.REINSTATE, List.of(), "NACE 22.22 was read as 11.02.", admin1, admin2, CALL, null,
                ApplicationStatus.SCREENED, AT));
        events.put("16-decision-corrected-rejects", new DecisionEvent.DecisionCorrected(APPLICATION, correction, Stage.COMMITTEE,
                ApplicationEvent.CorrectionKind.REJECT, List.of(RuleCode.E7), "The provider is the applicant's owner.", admin1, admin2,
                CALL, Money.eur("10800"), ApplicationStatus.APPROVED, AT));
        events.put("12-personal-data-erased", new ApplicationEvent.PersonalDataErased(APPLICATION, APPLICANT,
                "Request 2026/17 of 24 November 2026.", "9c4e2a7b-3d5f-4e6a-8b1c-2d3e4f5a6b7c", ApplicationStatus.WITHDRAWN, AT));
        events.put("17-document-attached", new ApplicationEvent.DocumentAttached(APPLICATION,
                UUID.fromString("4d1f7a2c-8e3b-4c5d-9f6a-0b1c2d3e4f50"), rs.greenvoucher.api.value.DocumentKind.PROVIDER_OFFER,
                "12", "Ponuda TMF 2026-114.pdf", "application/pdf", 184_233,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", APPLICANT, ApplicationStatus.SUBMITTED, AT));
        LocalDate replyBy = LocalDate.parse("2026-12-08");
        events.put("18-information-requested", new DecisionEvent.InformationRequested(APPLICATION, DECISION, Stage.SCREENING,
                "Pošaljite finansijske izveštaje za 2024. i 2025. i potvrdite broj zaposlenih.",
                List.of(rs.greenvoucher.api.value.DocumentKind.FINANCIAL_STATEMENTS),
                List.of(rs.greenvoucher.api.application.RequestedField.EMPLOYEES), replyBy, EVALUATOR, AT));
        var changes = new rs.greenvoucher.api.application.InformationReply.Changes(45, null, null, null);
        events.put("19-information-provided", new ApplicationEvent.InformationProvided(APPLICATION, DECISION, Stage.SCREENING,
                "Izveštaji su priloženi; sada imamo 45 zaposlenih.", List.of(rs.greenvoucher.api.application.RequestedField.EMPLOYEES),
                changes.applyTo(form), APPLICANT, EVALUATOR, ApplicationStatus.SUBMITTED, AT));
        events.put("20-reply-reminder-due", new ApplicationEvent.ReplyReminderDue(APPLICATION, DECISION, replyBy, AT));
        events.put("21-information-request-expired", new ApplicationEvent.InformationRequestExpired(APPLICATION, DECISION,
                Stage.SCREENING, CALL, null, replyBy, AT));
        UUID invoice = UUID.fromString("2b4d6f8a-0c1e-4a3b-8d5f-7a9b1c3d5e70");
        UUID payment = UUID.fromString("8e0a2c4e-6b8d-4f1a-9c3e-5b7d9f1a3c50");
        String provider = "3c5e7a9b-1d2f-4a6b-8c0d-4e6f8a0b2c1d";
        String manager1 = "5e7a9c1d-3f5b-4d8e-a0c2-6e8a0c2e4a10";
        String manager2 = "6f8b0d2e-4a6c-4e9f-b1d3-7f9b1d3f5b20";
        events.put("22-invoice-submitted", new rs.greenvoucher.api.application.PaymentEvent.InvoiceSubmitted(APPLICATION, invoice, "12",
                0, "TMF-2026/114", LocalDate.parse("2026-11-20"), Money.eur("12000"),
                UUID.fromString("7c9e1a3b-5d7f-4b2c-9e4a-6c8e0a2b4d60"),
                "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", provider, ApplicationStatus.APPROVED, AT));
        events.put("23-delivery-confirmed", new rs.greenvoucher.api.application.PaymentEvent.DeliveryConfirmed(APPLICATION, invoice,
                "12", APPLICANT, ApplicationStatus.APPROVED, AT));
        events.put("24-payment-proposed", new rs.greenvoucher.api.application.PaymentEvent.PaymentProposed(APPLICATION, payment, "12",
                List.of(invoice), Money.eur("12000"), new BigDecimal("90.00"), Money.eur("10800"), manager1, AT));
        events.put("25-payment-approved", new rs.greenvoucher.api.application.PaymentEvent.PaymentApproved(APPLICATION, payment, "12",
                CALL, Money.eur("10800"), manager2, AT));
        events.put("26-payment-declined", new rs.greenvoucher.api.application.PaymentEvent.PaymentDeclined(APPLICATION, payment, "12",
                CALL, Money.eur("10800"), "The invoice names another account.", manager2, AT));
        events.put("27-payment-made", new rs.greenvoucher.api.application.PaymentEvent.PaymentMade(APPLICATION, payment, "12",
                Money.eur("10800"), "RS35-2026-000114", true, manager1, AT));
        return events;
    }
}
