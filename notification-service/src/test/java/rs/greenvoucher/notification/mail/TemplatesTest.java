package rs.greenvoucher.notification.mail;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.value.RuleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    @Test
    void everyRuleIsExplainedInPlainWordsInBothLanguages() {
        for (RuleCode rule : RuleCode.values()) {
            assertThat(Templates.explain(rule, "sr")).as(rule.name()).isNotBlank();
            assertThat(Templates.explain(rule, "en")).as(rule.name()).isNotBlank().isNotEqualTo(Templates.explain(rule, "sr"));
        }
    }

    @Test
    void serbianMailsKeepTheirDiacriticsAndEnglishMailsAreEnglish() {
        Templates.Mail sr = Templates.approved("sr", "Đorđe Šćekić", "GIV-2026-000007", new BigDecimal("10800.00"), LocalDate.parse("2027-05-22"));
        assertThat(sr.subject()).isEqualTo("Vaučer odobren — GIV-2026-000007");
        assertThat(sr.body()).contains("Poštovani/a Đorđe Šćekić").contains("10.800,00 EUR").contains("22. 5. 2027.").doesNotContain("..");
        Templates.Mail en = Templates.rejected("en", "John", "GIV-2026-000008", List.of(RuleCode.E2, RuleCode.E6), "");
        assertThat(en.body()).contains("10 to 249 employees").contains("(E6)").doesNotContain("Poštovani");
    }
}
