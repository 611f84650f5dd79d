package rs.greenvoucher.api.application;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.RuleCode;

/** One line of a screening checklist; the note is the evaluator's, or the auto-check's words, or none. */
public record RuleCheck(RuleCode rule, boolean passed, @Schema(types = {"string", "null"}) String note) {
}
