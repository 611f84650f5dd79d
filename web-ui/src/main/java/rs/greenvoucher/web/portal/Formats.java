package rs.greenvoucher.web.portal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, numbers and euro amounts in each language's own format, as {@code ${@fmt...}} in the pages. Serbian uses
 * {@code sr-Latn-RS}: Java's {@code sr} and {@code sr-RS} would write Cyrillic.
 */
@Component("fmt")
public class Formats {

    public static final Locale SERBIAN = Locale.forLanguageTag("sr-Latn-RS");

    public static Locale locale(String language) {
        return "en".equals(language) ? Locale.UK : SERBIAN;
    }

    public static String language() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "sr";
    }

    /** The value of the page's lang attribute. */
    public String htmlLang() {
        return "en".equals(language()) ? "en" : "sr-Latn";
    }

    public String date(Object value) {
        LocalDate date = Values.toDate(value);
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language())).format(date);
    }

    public String dateTime(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        ZonedDateTime at = Values.instant(value).atZone(SchemeRules.ZONE);
        return date(at.toLocalDate()) + " " + DateTimeFormatter.ofPattern("HH:mm").format(at);
    }

    public String time(Object value) {
        return value == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(Values.instant(value).atZone(SchemeRules.ZONE));
    }

    public String eur(Object value) {
        BigDecimal amount = Values.decimal(value);
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(language()));
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** A file's size as people read it: "84 kB", "2,4 MB". */
    public String size(Object bytes) {
        long b = ((Number) bytes).longValue();
        if (b < 1024 * 1024) {
            return Math.max(1, Math.round(b / 1024.0)) + " kB";
        }
        return String.format(locale(language()), "%.1f MB", b / (1024.0 * 1024.0));
    }

    public String number(Object value) {
        BigDecimal number = Values.decimal(value);
        if (number == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale(language()));
        format.setMaximumFractionDigits(3);
        return format.format(number);
    }

    public String percent(Object value) {
        BigDecimal number = Values.decimal(value);
        return number == null ? "" : number(number) + " %";
    }

    /** A part of a whole as a percentage with one decimal ("12,5 %"); "—" when there is no whole. */
    public String share(Object part, Object whole) {
        BigDecimal p = Values.decimal(part);
        BigDecimal w = Values.decimal(whole);
        if (p == null || w == null || w.signum() == 0) {
            return "—";
        }
        return percent(p.multiply(BigDecimal.valueOf(100)).divide(w, 1, java.math.RoundingMode.HALF_UP));
    }

    /** Whole days from today (in Serbia) to the date; negative once it has passed. */
    public long daysUntil(Object value) {
        LocalDate date = Values.toDate(value);
        return date == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(SchemeRules.ZONE), date);
    }

    /** Hours as the applicant would say them: "about 3 days" rather than 71.6 hours. */
    public String duration(Object hours) {
        BigDecimal h = Values.decimal(hours);
        if (h == null) {
            return "";
        }
        boolean en = "en".equals(language());
        if (h.compareTo(BigDecimal.valueOf(36)) < 0) {
            long n = Math.max(1, Math.round(h.doubleValue()));
            return en ? "about " + n + (n == 1 ? " hour" : " hours") : "oko " + n + " " + Values.plural(n, "sat", "sata", "sati");
        }
        long days = Math.round(h.doubleValue() / 24);
        return en ? "about " + days + " days" : "oko " + days + " " + Values.plural(days, "dan", "dana", "dana");
    }

    /** How long ago an instant was, for a queue: "45 min", "5 h", "3 d 4 h" (the same in both languages but "d"/"dan"). */
    public String age(Object since) {
        if (since == null || since.toString().isBlank()) {
            return "";
        }
        long minutes = Math.max(0, java.time.Duration.between(Values.instant(since), Instant.now()).toMinutes());
        boolean en = "en".equals(language());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return (minutes / 60) + " h";
        }
        long days = minutes / (24 * 60);
        return days + (en ? " d " : " d ") + ((minutes / 60) % 24) + " h";
    }
}
