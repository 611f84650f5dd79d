package rs.greenvoucher.web.console;

import rs.greenvoucher.web.portal.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The values of the decision forms and of the services' answers, read leniently: null when there is none. */
final class FormValues {

    private FormValues() {
    }

    static BigDecimal amount(String value) {
        if (value == null || value.isBlank() || value.equals("null")) {
            return null;
        }
        try {
            return Numbers.parse(value).setScale(2, RoundingMode.DOWN); // as typed, in the page's language
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
