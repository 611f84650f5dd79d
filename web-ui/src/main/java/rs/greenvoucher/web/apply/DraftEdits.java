package rs.greenvoucher.web.apply;

import org.springframework.util.MultiValueMap;
import rs.greenvoucher.web.portal.FormPaths;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a step's posted fields change the draft: rows numbered as the API numbers them, refused texts kept as they were. */
final class DraftEdits {

    private DraftEdits() {
    }

    /**
     * The draft to store: what was typed, except a text the API would refuse to store at all (a control character,
     * more than its length), which keeps its last stored value; the rest of the step is saved.
     */
    static Map<String, Object> storable(JsonMapper json, Map<String, Object> form, Map<String, Object> before, Map<String, String> errors) {
        List<String> refused = errors.entrySet().stream().filter(e -> e.getValue().equals("error.controlCharacter")
                || e.getValue().startsWith("error.tooLong")).map(Map.Entry::getKey).toList();
        if (refused.isEmpty()) {
            return form;
        }
        Map<String, Object> storable = copy(json, form);
        refused.forEach(path -> FormPaths.set(storable, path, FormPaths.get(before, path)));
        return storable;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(JsonMapper json, Map<String, Object> form) {
        return json.readValue(json.writeValueAsBytes(form), LinkedHashMap.class);
    }

    /** Drops empty rows so the rows kept are numbered as the API will number them. */
    static void compact(Map<String, Object> form, String path, List<String> fields) {
        if (!(FormPaths.get(form, path) instanceof List<?> rows)) {
            return;
        }
        List<Object> kept = new ArrayList<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> m && fields.stream().anyMatch(f -> m.get(f) != null && !m.get(f).toString().isBlank())) {
                kept.add(row);
            }
        }
        FormPaths.set(form, path, kept);
    }

    static int rowsPosted(MultiValueMap<String, String> posted) {
        int rows = 0;
        for (String key : posted.keySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(key);
            if (m.find()) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return rows;
    }
}
