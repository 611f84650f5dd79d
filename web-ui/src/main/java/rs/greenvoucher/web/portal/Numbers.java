package rs.greenvoucher.web.portal;


import java.math.BigDecimal;

/**
 * Amounts as people type them: "12500", "12.500,50" or "12,500.50"; spaces and "€" ignored. Only "12.500" and
 * "12,500" are ambiguous: the page's language decides (Serbian groups thousands with a dot, English with a comma).
 */
public final class Numbers {

    private Numbers() {
    }

    public static BigDecimal parse(String typed) {
        return parse(typed, Formats.language());
    }

    /** The number, or null for blank; NumberFormatException for anything that is not a number. */
    public static BigDecimal parse(String typed, String language) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String s = typed.replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "").trim();
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0 || dot >= 0) {
            char separator = comma >= 0 ? ',' : '.';
            int at = Math.max(comma, dot);
            boolean once = s.indexOf(separator) == at;
            char grouping = "en".equals(language) ? ',' : '.';
            boolean grouped = !once || (s.length() - at - 1 == 3 && separator == grouping);
            s = grouped ? s.replace(String.valueOf(separator), "") : s.replace(separator, '.');
        }
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            throw new NumberFormatException(typed);
        }
        return new BigDecimal(s);
    }
}
