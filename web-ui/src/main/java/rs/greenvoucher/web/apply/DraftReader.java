package rs.greenvoucher.web.apply;

import rs.greenvoucher.api.application.FormLimits;
import rs.greenvoucher.web.portal.FormPaths;
import rs.greenvoucher.web.portal.Numbers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads a draft's fields (text as typed) as values of their kind, noting at each field the message key of its error. */
abstract class DraftReader {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    protected final Map<String, Object> draft;
    protected final Map<String, String> errors = new LinkedHashMap<>();

    DraftReader(Map<String, Object> draft) {
        this.draft = draft;
    }

    /**
     * Blank rows are skipped, so the API's indexes count only the rows kept; a kept row keeps its index only when
     * no blank row comes before it. The pages never leave a blank row before a filled one (rows are compacted on
     * save), so the indexes agree.
     */
    protected boolean blankRow(String row, List<String> fields) {
        return fields.stream().allMatch(f -> text(row + "." + f) == null);
    }

    protected int rows(String path) {
        return FormPaths.get(draft, path) instanceof List<?> l ? l.size() : 0;
    }

    protected String text(String path) {
        Object v = FormPaths.get(draft, path);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    protected Object checked(String path, String key, Function<String, Object> read) {
        String v = text(path);
        if (v == null) {
            return null;
        }
        try {
            return read.apply(v);
        } catch (IllegalArgumentException e) {
            errors.put(path, key);
            return null;
        }
    }

    protected BigDecimal money(String path) {
        BigDecimal amount = (BigDecimal) checked(path, "error.number", v -> {
            BigDecimal n = Numbers.parse(v);
            return n.setScale(Math.max(2, n.scale()), java.math.RoundingMode.UNNECESSARY);
        });
        if (FormLimits.tooLarge(path, amount)) {
            errors.put(path, "error.amountTooLarge:" + FormLimits.maxAmount(path).toPlainString());
        }
        return amount;
    }

    /**
     * A text with its bound: what the API would refuse (a control character, too long) is said at the field. The
     * text as typed is checked, not its trimmed value: the draft keeps what was typed.
     */
    protected String limited(String path) {
        Object typed = FormPaths.get(draft, path);
        String problem = typed == null ? null : problem(path, typed.toString());
        if (problem != null) {
            errors.put(path, problem);
        }
        return text(path);
    }

    /** Why the API would refuse this text, as a message key; null when it would not. */
    static String problem(String path, String value) {
        boolean multiLine = path.endsWith("description") || path.endsWith("justification");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a character outside the basic plane, written as its pair
                continue;
            }
            boolean whitespace = multiLine && (c == '\t' || c == '\n' || c == '\r');
            if ((c < 0x20 && !whitespace) || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
                return "error.controlCharacter";
            }
        }
        Integer max = FormLimits.maxLength(path);
        return max != null && value.length() > max ? "error.tooLong:" + max : null;
    }

    protected String email(String path) {
        return (String) checked(path, "error.email", v -> {
            if (problem(path, String.valueOf(FormPaths.get(draft, path))) != null || !EMAIL.matcher(v).matches()) {
                throw new IllegalArgumentException(v);
            }
            return v;
        });
    }

    protected BigDecimal number(String path) {
        return (BigDecimal) checked(path, "error.number", Numbers::parse);
    }

    protected Integer whole(String path) {
        return (Integer) checked(path, "error.whole", v -> Integer.parseInt(v.replace(".", "").replace(",", "").replace(" ", "")));
    }

    protected String date(String path) {
        return (String) checked(path, "error.date", v -> {
            try {
                return LocalDate.parse(v).toString();
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(v);
            }
        });
    }
}
