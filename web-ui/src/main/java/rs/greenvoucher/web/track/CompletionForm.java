package rs.greenvoucher.web.track;

import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.web.portal.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the completion form; percentages of target for the page. */
final class CompletionForm {

    private CompletionForm() {
    }

    static Map<String, Object> toApi(Map<String, Object> typed, Map<String, String> errors) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("summary", blankToNull(typed.get("summary")));
        List<String> deliverables = new ArrayList<>();
        for (String line : String.valueOf(typed.getOrDefault("deliverables", "")).split("\\R")) {
            if (!line.isBlank()) {
                deliverables.add(line.trim());
            }
        }
        report.put("deliverables", deliverables);
        report.put("invoicedEur", money(typed.get("invoicedEur"), "invoicedEur", errors));
        List<Object> results = new ArrayList<>();
        List<Map<?, ?>> rows = rows(typed);
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> row = rows.get(i);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("indicator", row.get("indicator"));
            result.put("unit", row.get("unit"));
            result.put("value", number(row.get("value"), "environmentalResults[" + i + "].value", errors));
            results.add(result);
        }
        report.put("environmentalResults", results);
        return report;
    }

    /** Per row: how much of the planned improvement (target − baseline) the measured value achieved, in %. */
    static List<BigDecimal> progress(Map<String, Object> typed) {
        List<BigDecimal> progress = new ArrayList<>();
        for (Map<?, ?> row : rows(typed)) {
            try {
                BigDecimal value = Numbers.parse(row.get("value") == null ? "" : String.valueOf(row.get("value")));
                BigDecimal baseline = new BigDecimal(row.get("baseline").toString());
                BigDecimal target = new BigDecimal(row.get("target").toString());
                BigDecimal planned = target.subtract(baseline);
                progress.add(value == null || planned.signum() == 0 ? null
                        : value.subtract(baseline).multiply(BigDecimal.valueOf(100)).divide(planned, 0, RoundingMode.HALF_UP));
            } catch (RuntimeException e) {
                progress.add(null);
            }
        }
        return progress;
    }

    /** The report's rows as the page typed them (each with the planned baseline and target beside the value). */
    private static List<Map<?, ?>> rows(Map<String, Object> typed) {
        List<Map<?, ?>> rows = new ArrayList<>();
        if (typed.get("environmentalResults") instanceof List<?> list) {
            list.forEach(r -> rows.add(r instanceof Map<?, ?> m ? m : Map.of()));
        }
        return rows;
    }

    private static Object blankToNull(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static BigDecimal money(Object v, String field, Map<String, String> errors) {
        BigDecimal n = number(v, field, errors);
        return n == null ? null : n.setScale(Math.max(2, n.scale()), RoundingMode.UNNECESSARY);
    }

    private static BigDecimal number(Object v, String field, Map<String, String> errors) {
        try {
            return Numbers.parse(v == null ? null : v.toString());
        } catch (NumberFormatException e) {
            errors.put(field, "error.number");
            return null;
        }
    }

    /** The evaluator's note when a completion report came back for changes. */
    static String returnedNote(ApplicationView doc) {
        if (doc.status() != ApplicationStatus.APPROVED || doc.completionReport() == null || doc.timeline().isEmpty()) {
            return null;
        }
        return doc.timeline().get(doc.timeline().size() - 1).note();
    }
}
