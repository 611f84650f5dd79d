package rs.greenvoucher.api.http;

import java.util.List;
import java.util.UUID;

/** A decision recorded and on its way to core (202), with what the evaluator should still confirm. */
public record DecisionAccepted(UUID decisionId, List<String> warnings) {
}
