package rs.greenvoucher.evaluation.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.MyDecision;

import java.util.List;

/** An evaluator's own history: the decisions they took and what became of each. */
@RestController
@Tag(name = "Decisions")
record MyDecisionsController(DecisionQueries queries) {

    @GetMapping("/api/decisions/mine")
    @Operation(summary = "The caller's own decisions, newest first (at most 200)")
    List<MyDecision> mine(JwtAuthenticationToken auth) {
        return queries.mine(auth.getName());
    }
}
