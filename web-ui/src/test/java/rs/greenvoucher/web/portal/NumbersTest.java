package rs.greenvoucher.web.portal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumbersTest {

    @Test
    void serbianGroupsWithADotAndEnglishWithAComma() {
        assertThat(Numbers.parse("12.500", "sr")).isEqualByComparingTo("12500");
        assertThat(Numbers.parse("12.500", "en")).isEqualByComparingTo("12.5");
        assertThat(Numbers.parse("12,500", "en")).isEqualByComparingTo("12500");
        assertThat(Numbers.parse("12,500", "sr")).isEqualByComparingTo("12.5");
    }

    @Test
    void bothSeparatorsTogetherAreNeverAmbiguous() {
        assertThat(Numbers.parse("3.100.000,50", "en")).isEqualByComparingTo("3100000.50");
        assertThat(Numbers.parse("3,100,000.50", "sr")).isEqualByComparingTo("3100000.50");
        assertThat(Numbers.parse("1.250.000", "en")).isEqualByComparingTo("1250000");
    }

    @Test
    void currencyAndSpacesAreIgnoredAndBlankIsNothing() {
        assertThat(Numbers.parse(" 12 500,00 € ", "sr")).isEqualByComparingTo(new BigDecimal("12500"));
        assertThat(Numbers.parse("   ", "sr")).isNull();
    }

    @Test
    void wordsAreNotNumbers() {
        assertThatThrownBy(() -> Numbers.parse("dvanaest", "sr")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Numbers.parse("1e5", "en")).isInstanceOf(NumberFormatException.class);
    }
}
