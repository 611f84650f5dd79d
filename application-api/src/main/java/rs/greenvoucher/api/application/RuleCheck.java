package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.RuleCode;

/** One line of a screening checklist. */
public record RuleCheck(RuleCode rule, boolean passed, String note) {
}
