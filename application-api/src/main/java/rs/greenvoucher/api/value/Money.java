package rs.greenvoucher.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in EUR with at most two decimals; never negative. */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        if (amount == null) {
            throw new InvalidValueException("amount is required");
        }
        if (amount.signum() < 0) {
            throw new InvalidValueException("amount must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("amount must have at most 2 decimals");
        }
        if (amount.compareTo(new BigDecimal("1000000000")) >= 0) {
            throw new InvalidValueException("amount is too large");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Money eur(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** {@code percent} % of this amount, rounded down to the cent (the voucher never pays more than the share). */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** For people: 10.800,00 in Serbian ("sr"), 10,800.00 in English ("en"). */
    public static String display(BigDecimal amount, String language) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance("en".equals(language)
                ? java.util.Locale.UK : java.util.Locale.forLanguageTag("sr-Latn-RS"));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    @JsonValue
    @Override
    public BigDecimal amount() {
        return amount;
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
