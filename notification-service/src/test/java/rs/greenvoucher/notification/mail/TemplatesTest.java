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

    @org.junit.jupiter.api.Test
    void theHtmlPartEscapesWhatTheApplicantWroteAndLinksTheAddresses() {
        String html = Templates.html("Poštovani/a <script>alert(1)</script> & co,\n\nveza: https://portal.example/a?b=1&c=2", "sr");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co,")
                .contains("<a href=\"https://portal.example/a?b=1&amp;c=2\">").doesNotContain("<script>").contains("lang=\"sr-Latn\"");
    }

    @org.junit.jupiter.api.Test
    void theLinkToTheApplicationGoesAboveTheSignature() {
        Templates.Mail mail = Templates.withLink(Templates.withdrawn("en", "John", "GIV-2026-000001"), "en", "http://p/applications/x");
        assertThat(mail.body()).endsWith("Your application in the portal: http://p/applications/x\n\nGreen Voucher");
    }
}
