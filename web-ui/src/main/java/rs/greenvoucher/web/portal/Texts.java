package rs.greenvoucher.web.portal;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.text.SchemeTexts;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RuleCode;

/** Statuses and rules in plain words, from the same source as the mails ({@link SchemeTexts}), as {@code ${@texts...}}. */
@Component("texts")
public class Texts {

    public String status(Object status) {
        ApplicationStatus s = status(status.toString());
        return s == null ? status.toString() : SchemeTexts.status(s, Formats.language());
    }

    public String next(Object status) {
        ApplicationStatus s = status(status.toString());
        return s == null ? "" : SchemeTexts.next(s, Formats.language());
    }

    /** The rule in plain words, starting with a capital. */
    public String rule(Object code) {
        RuleCode rule = rule(code.toString());
        if (rule == null) {
            return code.toString();
        }
        String text = SchemeTexts.rule(rule, Formats.language());
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    /**
     * An auto-check's explanation (the evaluation service's item, or core's audit) in the page's language, from its
     * clauses; an item computed before they existed keeps its English sentence.
     */
    public static String explanation(AutoChecks.AutoCheck check) {
        String text = check.explanation() == null || check.explanation().isEmpty() ? null
                : SchemeTexts.explain(check.explanation(), Formats.language());
        return text != null ? text : check.detail();
    }

    /** A provider's name in the page's language: the official Serbian name on Serbian pages (ProviderNames). */
    public String provider(Object code, Object registeredName) {
        String name = registeredName == null ? null : registeredName.toString();
        return rs.greenvoucher.api.text.ProviderNames.name(code == null ? null : code.toString(), name, Formats.language());
    }

    public String city(Object city) {
        return city == null ? null : rs.greenvoucher.api.text.ProviderNames.city(city.toString(), Formats.language());
    }

    /** A CSS class per kind of status; the status is always written beside it in words. */
    public String tone(Object status) {
        return switch (String.valueOf(status)) {
            case "APPROVED", "COMPLETED" -> "good";
            case "REJECTED", "EXPIRED" -> "bad";
            case "WITHDRAWN" -> "neutral";
            case "INFORMATION_REQUESTED" -> "waiting";
            default -> "progress";
        };
    }

    private static ApplicationStatus status(String name) {
        try {
            return ApplicationStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RuleCode rule(String name) {
        try {
            return RuleCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
