package rs.greenvoucher.api;

import rs.greenvoucher.api.application.ApplicationForm.Service;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules the application's own data decides, pre-computed so the evaluator confirms instead of computing:
 * E1 (ownership), E2, E3, E6, E7 and E8 (declarations), E9, E10, S1, S2, S3, S4. Computed by the evaluation service for
 * its queue and by core for the audit (what the evaluator saw), from the submission and the call's money rules.
 */
public final class AutoChecks {

    /**
     * {@code detail}: the English sentence, as the audit's CSV and older items have it. {@code explanation}: the same
     * as message keys with their values ({@code scheme_*.properties}, {@code check.*}), so each reader gets it in their
     * language (SchemeTexts.explain); absent on items computed before it existed.
     */
    public record AutoCheck(RuleCode rule, boolean passed, String detail, List<Explanation> explanation) {

        AutoCheck(RuleCode rule, boolean passed, String detail, Explanation... explanation) {
            this(rule, passed, detail, List.of(explanation));
        }
    }

    /** One clause of an explanation: its key under {@code check.} and its values (texts, numbers, ISO dates). */
    public record Explanation(String text, List<Object> values) {

        public Explanation {
            values = values == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        static Explanation of(String text, Object... values) {
            return new Explanation(text, java.util.Arrays.stream(values).map(v -> v instanceof LocalDate d ? (Object) d.toString()
                    : v instanceof Money m ? m.amount() : v == null ? "" : v instanceof Number ? v : v.toString()).toList());
        }
    }

    private AutoChecks() {
    }

    public static List<AutoCheck> compute(ApplicationForm form, LocalDate submittedOn, MoneyLimits call) {
        ApplicationForm.Project p = form.project();
        List<MoneyLimits.Breach> money = call.breaches(p.services().stream().map(Service::costEur).toList(),
                p.requestedVoucherEur(), p.capitalEquipmentEur());
        List<AutoCheck> checks = new ArrayList<>(EligibilityChecks.of(form, submittedOn, call, money));
        checks.addAll(ServiceChecks.of(p, money));
        return checks;
    }
}
