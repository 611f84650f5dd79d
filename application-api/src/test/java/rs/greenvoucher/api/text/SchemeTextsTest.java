package rs.greenvoucher.api.text;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RuleCode;

import java.util.Collections;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class SchemeTextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(Collections.list(SchemeTexts.bundle("sr").getKeys())))
                .isEqualTo(new TreeSet<>(Collections.list(SchemeTexts.bundle("en").getKeys())));
    }

    @Test
    void everyRuleAndStatusHasPlainWordsInBothLanguages() {
        for (String lang : new String[]{"sr", "en"}) {
            for (RuleCode rule : RuleCode.values()) {
                assertThat(SchemeTexts.rule(rule, lang)).isNotBlank();
            }
            for (ApplicationStatus status : ApplicationStatus.values()) {
                assertThat(SchemeTexts.status(status, lang)).isNotBlank();
                assertThat(SchemeTexts.next(status, lang)).isNotBlank();
            }
            for (rs.greenvoucher.api.value.DocumentKind kind : rs.greenvoucher.api.value.DocumentKind.values()) {
                assertThat(SchemeTexts.document(kind, lang)).isNotBlank();
            }
            for (rs.greenvoucher.api.application.RequestedField field : rs.greenvoucher.api.application.RequestedField.values()) {
                assertThat(SchemeTexts.field(field, lang)).isNotBlank();
            }
        }
    }

    @Test
    void serbianIsReadAsUtf8AndDiffersFromEnglish() {
        assertThat(SchemeTexts.rule(RuleCode.E1, "sr")).contains("preduzeće");
        assertThat(SchemeTexts.status(ApplicationStatus.REJECTED, "en")).isEqualTo("Not accepted");
    }
}
