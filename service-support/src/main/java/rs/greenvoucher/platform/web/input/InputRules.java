package rs.greenvoucher.platform.web.input;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What every service's stores, Kafka payloads and mails can hold: the one place that says which text, numbers and
 * lists are refused at the door (400 VALIDATION_FAILED naming the field), before anything is stored or sent. A value
 * that passed here can always be written to PostgreSQL (no NUL, no lone surrogate, no number past numeric(18,4)) and
 * read back unchanged. Field-specific limits (a title's length, three providers) stay with their use case.
 */
public final class InputRules {

    /** Numbers must be below this in magnitude: numeric(18,4) holds 14 integer digits; no real amount nears 10^12. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1000000000000");
    /** Decimal places a number may have: the widest column (numeric(18,4)) keeps four. */
    public static final int MAX_SCALE = 4;
    /** Items in any one list of a request (the largest real list, the screening checklist, has 14). */
    public static final int MAX_LIST_ITEMS = 50;
    /** Characters in any one text (the longest field, a project description, allows 10,000). */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** How deeply objects and lists may nest (the application form needs 4). */
    public static final int MAX_DEPTH = 8;
    /** Members of one object. */
    public static final int MAX_MEMBERS = 100;

    /**
     * Free-text fields where a person writes paragraphs: tab, line feed and carriage return are allowed there
     * (browsers send CR LF from a text area) and nowhere else.
     */
    private static final Set<String> MULTI_LINE_FIELDS = Set.of("description", "justification", "note", "noteToApplicant",
            "reason", "summary", "detail", "deliverables", "notes", "comment");

    private InputRules() {
    }

    public static boolean isMultiLine(String fieldName) {
        return fieldName != null && MULTI_LINE_FIELDS.contains(fieldName);
    }

    /** Why this text cannot be stored, or null when it can. */
    public static String checkText(String value, boolean multiLine) {
        if (value.length() > MAX_TEXT_LENGTH) {
            return "at most " + MAX_TEXT_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an invalid character (a lone surrogate) at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an invalid character (a lone surrogate) at position " + i;
            }
            boolean allowedWhitespace = multiLine && (c == '\t' || c == '\n' || c == '\r');
            if ((c < 0x20 && !allowedWhitespace) || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ") at position " + i
                        + (multiLine ? "" : "; line breaks and tabs are not allowed here");
            }
        }
        return null;
    }

    /** Why this number cannot be stored, or null when it can. */
    public static String checkNumber(BigDecimal value) {
        if (value.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            return "must be less than 1,000,000,000,000 in magnitude";
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > MAX_SCALE) {
            return "at most " + MAX_SCALE + " decimal places";
        }
        return null;
    }
}
