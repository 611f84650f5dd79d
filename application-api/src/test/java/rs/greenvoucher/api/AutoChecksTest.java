package rs.greenvoucher.api;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.GreenRole;
import rs.greenvoucher.api.application.Indicator;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.application.Region;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AutoChecksTest {

    static final LocalDate SUBMITTED = LocalDate.parse("2026-11-22");

    static ApplicationForm form(String nace, int employees, String registeredOn, String requested, String description,
                                Ownership ownership, LocalDate plannedStart) {
        return new ApplicationForm(
                new ApplicationForm.Enterprise(new Mb("20084693"), new Pib("101134702"), "Vinarija d.o.o.", "Leskovac",
                        Region.SOUTHERN_AND_EASTERN_SERBIA, new NaceCode(nace), LocalDate.parse(registeredOn), ownership,
                        employees, Money.eur("3000000"), Money.eur("2000000"), GreenRole.END_USER, "Ana", "ana@example.rs"),
                new ApplicationForm.Project("t", "d", List.of(new ApplicationForm.Service(ServiceType.TESTING, description, Money.eur("12000"), null)),
                        plannedStart, List.of(new ApplicationForm.IndicatorTarget(Indicator.ENERGY_SAVED, "MWh/year", BigDecimal.TEN, BigDecimal.ONE)),
                        Money.eur(requested), null),
                List.of(new ProviderCode("12")), new ApplicationForm.Declarations(true, true, true, true));
    }

    static Map<RuleCode, AutoChecks.AutoCheck> checks(ApplicationForm form) {
        return AutoChecks.compute(form, SUBMITTED, rs.greenvoucher.api.SchemeRules.FIRST_CALL_MONEY).stream()
                .collect(Collectors.toMap(AutoChecks.AutoCheck::rule, c -> c));
    }

    @Test
    void anEligibleApplicationPassesEveryComputedRule() {
        Map<RuleCode, AutoChecks.AutoCheck> checks = checks(form("22.22", 42, "2015-03-01", "10800", "Thermal tests",
                Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-02-01")));
        assertThat(checks.keySet()).contains(RuleCode.E1, RuleCode.E2, RuleCode.E3, RuleCode.E6, RuleCode.E9, RuleCode.E10,
                RuleCode.S1, RuleCode.S2, RuleCode.S3, RuleCode.S4);
        assertThat(checks.values()).allMatch(AutoChecks.AutoCheck::passed);
    }

    @Test
    void aWineryFailsE6() {
        AutoChecks.AutoCheck e6 = checks(form("11.02", 42, "2015-03-01", "10800", "Tests", Ownership.PRIVATE_DOMESTIC,
                LocalDate.parse("2027-02-01"))).get(RuleCode.E6);
        assertThat(e6.passed()).isFalse();
        assertThat(e6.detail()).contains("11.02").contains("excluded");
    }

    @Test
    void boundariesOfE2E3E9E10AndS2() {
        assertThat(checks(form("22.22", 10, "2015-03-01", "10800", "x", Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-01-01"))).get(RuleCode.E2).passed()).isTrue();
        assertThat(checks(form("22.22", 9, "2015-03-01", "10800", "x", Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-01-01"))).get(RuleCode.E2).passed()).isFalse();
        assertThat(checks(form("22.22", 250, "2015-03-01", "10800", "x", Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-01-01"))).get(RuleCode.E2).passed()).isFalse();
        assertThat(checks(form("22.22", 42, "2024-11-22", "10800", "x", Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-01-01"))).get(RuleCode.E3).passed()).isFalse();
        assertThat(checks(form("22.22", 42, "2024-11-21", "10800", "x", Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-01-01"))).get(RuleCode.E3).passed()).isTrue();
        assertThat(checks(form("22.22", 42, "2015-03-01", "10800", "x", Ownership.PRIVATE_DOMESTIC, SUBMITTED)).get(RuleCode.E9).passed()).isFalse();
        assertThat(checks(form("22.22", 42, "2015-03-01", "10800.01", "x", Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-01-01"))).get(RuleCode.E10).passed()).isFalse();
        AutoChecks.AutoCheck s2 = checks(form("22.22", 42, "2015-03-01", "10800", "Marketing campaign and ISO 14001 audit",
                Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-01-01"))).get(RuleCode.S2);
        assertThat(s2.passed()).isFalse();
        assertThat(s2.detail()).contains("marketing").contains("iso 14001");
        assertThat(checks(form("22.22", 42, "2015-03-01", "10800", "x", Ownership.PRIVATE_FOREIGN, LocalDate.parse("2027-01-01"))).get(RuleCode.E1).passed()).isFalse();
    }

    /** Every explanation has words in both languages, and a Serbian reader gets Serbian with Serbian numbers and dates. */
    @Test
    void everyExplanationReadsInBothLanguages() {
        List<ApplicationForm> forms = List.of(
                form("22.22", 42, "2015-03-01", "10800", "Thermal tests", Ownership.PRIVATE_DOMESTIC, LocalDate.parse("2027-02-01")),
                form("11.02", 5, "2025-03-01", "11000", "Marketing campaign", Ownership.MIXED, SUBMITTED),
                form("22.22", 42, "2015-03-01", "10800", "x", Ownership.STATE, LocalDate.parse("2027-02-01")),
                form("22.22", 42, "2015-03-01", "10800", "x", Ownership.PRIVATE_FOREIGN, LocalDate.parse("2027-02-01")));
        for (ApplicationForm f : forms) {
            for (AutoChecks.AutoCheck check : checks(f).values()) {
                for (String lang : List.of("sr", "en")) {
                    assertThat(rs.greenvoucher.api.text.SchemeTexts.explain(check.explanation(), lang)).as(check.rule() + " in " + lang)
                            .isNotBlank().endsWith(".").doesNotContain("{");
                }
            }
        }
        AutoChecks.AutoCheck e1 = checks(forms.get(0)).get(RuleCode.E1);
        assertThat(rs.greenvoucher.api.text.SchemeTexts.explain(e1.explanation(), "sr"))
                .isEqualTo("U privatnom i domaćem vlasništvu; MB " + forms.get(0).enterprise().mb() + " i PIB "
                        + forms.get(0).enterprise().pib() + " su ispravni.");
        AutoChecks.AutoCheck e2 = checks(forms.get(0)).get(RuleCode.E2);
        assertThat(rs.greenvoucher.api.text.SchemeTexts.explain(e2.explanation(), "sr")).contains("Zaposlenih: 42").contains("3.000.000,00 EUR");
        assertThat(rs.greenvoucher.api.text.SchemeTexts.explain(e2.explanation(), "en")).contains("EUR 3,000,000.00");
        AutoChecks.AutoCheck e3 = checks(forms.get(0)).get(RuleCode.E3);
        assertThat(rs.greenvoucher.api.text.SchemeTexts.explain(e3.explanation(), "sr")).startsWith("Registrovano 1. 3. 2015.;");
        assertThat(rs.greenvoucher.api.text.SchemeTexts.explain(e3.explanation(), "en")).startsWith("Registered on 1 March 2015;");
    }
}
