package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.RuleCode;

import java.util.List;

/**
 * A dry run of a submission. {@code ready}: a submission now would be accepted (unless something changes meanwhile).
 * {@code eligibility}: the eligibility rules the enterprise's data breaks, judged at screening rather than refused now.
 */
@Schema(name = "SubmissionCheck")
public record SubmissionCheck(boolean ready, List<Refused> problems, List<RuleCode> eligibility) {

    /** One refusal the submission would meet (not the problem+json answer): its code, rules, words and fields. */
    @Schema(name = "SubmissionProblem")
    public record Refused(String code, List<RuleCode> rules, String detail, List<Problem.FieldError> fields) {
    }
}
