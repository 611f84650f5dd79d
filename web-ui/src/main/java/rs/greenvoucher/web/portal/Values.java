package rs.greenvoucher.web.portal;

import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The values the pages format, as the services' answers and the drafts hold them: instants, dates, amounts. */
final class Values {

    private Values() {
    }

    /** An instant as the services write it: ISO-8601 with Z or an offset (or epoch milliseconds). */
    static Instant instant(Object value) {
        if (value instanceof Instant at) {
            return at;
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        return java.time.OffsetDateTime.parse(value.toString().replace(' ', 'T'), java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** Serbian plural forms: 1 dan, 2–4 dana, 5+ dana (11–14 take the last). */
    static String plural(long n, String one, String few, String many) {
        long lastTwo = n % 100;
        long last = n % 10;
        if (last == 1 && lastTwo != 11) {
            return one;
        }
        if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return few;
        }
        return many;
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Money m) {
            return m.amount();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return Numbers.parse(value.toString()); // as typed, in a draft
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate toDate(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        String s = value.toString();
        return s.length() > 10 ? instant(s).atZone(SchemeRules.ZONE).toLocalDate() : LocalDate.parse(s);
    }
}
