package rs.greenvoucher.web.portal;

import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Forms kept as nested maps and lists in the API's own shape (so an error the API names by
 * {@code project.services[0].costEur} lands on that input), with what the person typed as text: nothing typed is
 * ever lost or reformatted while it is a draft. Also {@code ${@forms...}} in the pages.
 */
@Component("forms")
public class Forms {

    /** The API's messages the pages say in their own words; any other is shown as the API wrote it. */
    private static final Map<String, String> KNOWN = Map.of("is required", "error.required", "must be positive",
            "error.positive", "at least one provider", "error.provider", "a provider is named twice", "error.providerTwice",
            "must be 12 to 128 characters", "error.passwordLength", "must be a well-formed email address", "error.email",
            "must not be blank", "error.required", "is required by this call", "error.documentRequired");

    private final org.springframework.context.MessageSource messages;

    public Forms(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /** The field's label in the page's language, with its row for lists: "Cost (EUR), service 2". */
    public String label(String path) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (path.startsWith("documents.")) {
            // a missing document (D1, D2): its kind, and for an offer or an invoice the provider's code
            String[] parts = path.split("\\.");
            String kind = messages.getMessage("document.kind." + parts[1], null, parts[1], locale);
            return parts.length > 2 ? kind + " (" + parts[2] + ")" : kind;
        }
        String label = messages.getMessage("field." + path.replaceAll("\\[\\d+]", ""), null, path, locale);
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(path);
        if (row.find()) {
            String list = path.startsWith("providerCodes") ? "row.provider"
                    : path.contains("environmental") ? "row.indicator" : "row.service";
            label = label + ", " + messages.getMessage(list, new Object[]{Integer.parseInt(row.group(1)) + 1}, locale);
        }
        return label;
    }

    /**
     * A message key of the pages, or the API's own message when the pages have no words for it: as it is on English
     * pages, and a plain "check this value" on Serbian ones (the API writes English; the rule above says why).
     */
    public String message(String key, String apiMessage) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String k = key != null ? key : (apiMessage == null ? null : KNOWN.get(apiMessage));
        if (k == null && !"en".equals(Formats.language())) {
            k = "error.seeRule";
        }
        if (k != null && k.contains(":")) {
            // a key with its bound, "error.tooLong:300": the bound written as the page writes numbers
            String[] parts = k.split(":", 2);
            return messages.getMessage(parts[0], new Object[]{new Formats().number(parts[1])}, parts[0], locale);
        }
        return k != null ? messages.getMessage(k, null, k, locale) : apiMessage;
    }

    /** A step's own error at its field: a message key, perhaps with its bound. */
    public String error(String key) {
        return message(key, null);
    }

    /** A region by its enum name or by the label the API writes ("Šumadija and Western Serbia"): its enum name. */
    public static String region(Object value) {
        for (rs.greenvoucher.api.application.Region r : rs.greenvoucher.api.application.Region.values()) {
            if (r.name().equals(String.valueOf(value)) || r.label().equals(String.valueOf(value))) {
                return r.name();
            }
        }
        return String.valueOf(value);
    }

    public String regionKey(Object value) {
        return "region." + region(value);
    }

    /** The value at a path such as {@code project.services[1].costEur}; "" when absent. */
    public String value(Object root, String path) {
        Object v = FormPaths.get(root, path);
        return v == null ? "" : v.toString();
    }

    /** The HTML id of a field: {@code f-project-services-1-costEur}. */
    public String id(String path) {
        return anchor(path);
    }

    public static String anchor(String path) {
        if (path.startsWith("documents.")) {
            return "slot-" + path.substring("documents.".length());
        }
        return "f-" + path.replace("[", "-").replace("]", "").replace('.', '-');
    }

    public boolean checked(Object root, String path) {
        return "true".equals(value(root, path));
    }

    public int size(Object root, String path) {
        return FormPaths.count(root, path);
    }
}
