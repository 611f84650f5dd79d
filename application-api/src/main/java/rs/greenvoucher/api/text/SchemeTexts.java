package rs.greenvoucher.api.text;

import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RuleCode;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The plain words for statuses and rules, in Serbian (Latin) and English, from one source for the mails and the
 * portal ({@code scheme_sr.properties}, {@code scheme_en.properties}; a test keeps their keys equal).
 */
public final class SchemeTexts {

    private static final String BUNDLE = "rs.greenvoucher.api.text.scheme";
    private static final ResourceBundle SR = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("sr"), noFallback());
    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, noFallback());

    private SchemeTexts() {
    }

    /** What the rule asks, as a clause ("the enterprise must ..."). */
    public static String rule(RuleCode code, String language) {
        return bundle(language).getString("rule." + code.name());
    }

    /** The status in a word or two. */
    public static String status(ApplicationStatus status, String language) {
        return bundle(language).getString("status." + status.name());
    }

    /** A kind of document in words, as a phrase inside a sentence ("the financial statements ..."). */
    public static String document(rs.greenvoucher.api.value.DocumentKind kind, String language) {
        return bundle(language).getString("document." + kind.name());
    }

    /** A field an evaluator may ask about, in words ("the number of employees"). */
    public static String field(rs.greenvoucher.api.application.RequestedField field, String language) {
        return bundle(language).getString("field." + field.name());
    }

    /** What happens next in that status, for the applicant. */
    public static String next(ApplicationStatus status, String language) {
        return bundle(language).getString("status." + status.name() + ".next");
    }

    /**
     * An auto-check's explanation in the reader's language: each clause ({@code check.<text>} with its values; ISO
     * dates written as the language writes them) joined with "; ", starting with a capital and ending with a full stop.
     * Null when a clause has no words here (an item computed by a later version), so the caller falls back to the
     * English detail.
     */
    public static String explain(List<AutoChecks.Explanation> clauses, String language) {
        ResourceBundle texts = bundle(language);
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("sr-Latn-RS");
        List<String> parts = new ArrayList<>();
        for (AutoChecks.Explanation clause : clauses) {
            String key = "check." + clause.text();
            if (!texts.containsKey(key)) {
                return null;
            }
            Object[] values = clause.values().stream().map(v -> date(v, language)).toArray();
            parts.add(new MessageFormat(texts.getString(key), locale).format(values));
        }
        if (parts.isEmpty()) {
            return null;
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static Object date(Object value, String language) {
        if (value instanceof String s && ISO_DATE.matcher(s).matches()) {
            LocalDate d = LocalDate.parse(s);
            return "en".equals(language) ? d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                    : d.format(DateTimeFormatter.ofPattern("d. M. yyyy.", Locale.ROOT));
        }
        return value;
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static ResourceBundle bundle(String language) {
        return "en".equals(language) ? EN : SR;
    }

    private static ResourceBundle.Control noFallback() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }
}
