package rs.greenvoucher.evaluation.decisions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.evaluation.Decision;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.infra.ContractExamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's side of the contract on gv.evaluation.decisions: each kind of decision, built as the decision
 * controller builds it and written as the outbox writes it, is exactly its checked-in example (application-api,
 * contract/gv.evaluation.decisions), the same files core's consumer test reads.
 */
class DecisionContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID DECISION = UUID.fromString("0f8d6b0e-3c1a-4a57-9a43-6f3b2b1e7a01");
    private static final UUID APPLICATION = UUID.fromString("5d2c7e9a-8b4f-4e21-a7c3-1e9f0b6d4c22");
    private static final String BY = "7a1e3c5b-2d4f-4b6a-8c9e-0f1a2b3c4d5e";
    private static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");

    static final Map<String, Decision> DECISIONS = Map.of(
            "screening-pass", new Decision.Screening(true, List.of(new RuleCheck(RuleCode.E1, true, "Privately owned, domestic."),
                    new RuleCheck(RuleCode.E6, true, "NACE 22.22 is not an excluded sector.")), "Sve je u redu."),
            "screening-fail", new Decision.Screening(false, List.of(new RuleCheck(RuleCode.E6, false,
                    "NACE 11.02 is an excluded sector (alcohol).")), "Proizvodnja vina je isključena iz programa."),
            "matching", new Decision.Matching(List.of(new ProviderCode("12"), new ProviderCode("23")), null),
            "matching-reject", new Decision.MatchingRejection(List.of(RuleCode.P1), "No eligible provider offers this service."),
            "committee-approve", new Decision.Committee(true, Money.eur("10800"), new Scores(5, 4, 4), List.of(), "Strong project."),
            "committee-reject", new Decision.Committee(false, Money.eur("10800"), new Scores(2, 1, 2), List.of(RuleCode.S3),
                    "The benefit cannot be measured."),
            "verification-accept", new Decision.Verification(true, null),
            "verification-return", new Decision.Verification(false, "Add the test report of the prototype."),
            "screening-information-request", new Decision.InformationRequest(rs.greenvoucher.api.value.Stage.SCREENING,
                    "Pošaljite finansijske izveštaje za 2024. i 2025.", List.of(rs.greenvoucher.api.value.DocumentKind.FINANCIAL_STATEMENTS),
                    List.of(rs.greenvoucher.api.application.RequestedField.EMPLOYEES), java.time.LocalDate.parse("2026-12-08")));

    static List<String> examples() {
        return DECISIONS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theMessageIsItsExample(String name) {
        EvaluationDecision message = EvaluationDecision.of(DECISION, APPLICATION, DECISIONS.get(name), BY, AT);
        JsonNode written = JSON.readTree(JSON.writeValueAsString(message));
        JsonNode example = JSON.readTree(example(name));
        assertThat(written.equals((a, b) -> a.isNumber() && b.isNumber()
                ? new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString())) : a.equals(b) ? 0 : 1, example))
                .as(name + ": " + written + "\n  is not\n" + example).isTrue();
        // and read back it is the same decision
        assertThat(JSON.readValue(example(name), EvaluationDecision.class).decision()).isEqualTo(DECISIONS.get(name));
    }

    private static String example(String name) {
        return ContractExamples.read("gv.evaluation.decisions", name);
    }
}
