package rs.greenvoucher.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rs.greenvoucher.api.value.InvalidValueException;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

    @Test
    void mbFromTheRulesFileIsValid() {
        // 2·2+0·7+0·6+8·5+4·4+6·3+9·2 = 96; 96 mod 11 = 8; 11 − 8 = 3
        assertThat(new Mb("20084693").value()).isEqualTo("20084693");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20084690", "20084694", "2008469", "200846933", "2008469a", ""})
    void mbWithWrongCheckDigitOrShapeIsRefused(String value) {
        assertThatThrownBy(() -> new Mb(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void mbWithRemainderZeroHasCheckDigitZeroAndRemainderOneIsNeverValid() {
        // 1000001x: 1·2 + 1·2 = 4 ... find by brute force over the first seven digits
        int zero = 0;
        int one = 0;
        for (int n = 1000000; n < 1000400; n++) {
            String first = String.format("%07d", n);
            int sum = 0;
            int[] w = {2, 7, 6, 5, 4, 3, 2};
            for (int i = 0; i < 7; i++) {
                sum += (first.charAt(i) - '0') * w[i];
            }
            int r = sum % 11;
            if (r == 0) {
                assertThat(Mb.isValid(first + "0")).isTrue();
                zero++;
            }
            if (r == 1) {
                for (int d = 0; d <= 9; d++) {
                    assertThat(Mb.isValid(first + d)).isFalse();
                }
                one++;
            }
        }
        assertThat(zero).isPositive();
        assertThat(one).isPositive();
    }

    @Test
    void pibFromTheRulesFileIsValidAndItsNeighbourIsNot() {
        assertThat(Pib.isValid("101134702")).isTrue();
        assertThat(Pib.isValid("101134703")).isFalse();
        assertThatThrownBy(() -> new Pib("101134703")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Pib("10113470")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void excludedSectorsFollowE6() {
        assertThat(new NaceCode("11.02").isExcludedSector()).isTrue();  // wine
        assertThat(new NaceCode("64.19").isExcludedSector()).isTrue();  // banking
        assertThat(new NaceCode("92.00").isExcludedSector()).isTrue();  // gambling
        assertThat(new NaceCode("12.00").isExcludedSector()).isTrue();  // tobacco
        assertThat(new NaceCode("11.07").isExcludedSector()).isFalse(); // soft drinks
        assertThat(new NaceCode("22.22").isExcludedSector()).isFalse(); // plastic packaging
        assertThat(new NaceCode("22.22").section()).isEqualTo("C");
        assertThat(new NaceCode("62.01").section()).isEqualTo("J");
        assertThatThrownBy(() -> new NaceCode("4.1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new NaceCode("00.10")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void moneyIsExactEuroWithTwoDecimals() {
        assertThat(Money.eur("12000").percent(new BigDecimal("90"))).isEqualTo(Money.eur("10800.00"));
        assertThat(Money.eur("0.1").plus(Money.eur("0.2"))).isEqualTo(Money.eur("0.30"));
        assertThatThrownBy(() -> Money.eur("-1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.eur("1.001")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void providerCodesAreDigits() {
        assertThat(new ProviderCode("07").value()).isEqualTo("07");
        assertThatThrownBy(() -> new ProviderCode("7")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ProviderCode("A1")).isInstanceOf(InvalidValueException.class);
    }
}
