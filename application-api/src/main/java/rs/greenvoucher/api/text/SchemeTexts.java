package rs.greenvoucher.api.text;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RuleCode;

import java.util.Locale;
import java.util.ResourceBundle;

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

    /** What happens next in that status, for the applicant. */
    public static String next(ApplicationStatus status, String language) {
        return bundle(language).getString("status." + status.name() + ".next");
    }

    static ResourceBundle bundle(String language) {
        return "en".equals(language) ? EN : SR;
    }

    private static ResourceBundle.Control noFallback() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }
}
