package rs.greenvoucher.api.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The bounds of an application's fields, in one place for core's validator (400 on the field) and the portal's
 * steps (the same refusal where the applicant types it): the length of each text, and the largest amount that can
 * be true. The scheme's largest voucher is EUR 20,000 (a call parameter); an SME's R&D service of more than a
 * million euros, or a turnover of more than ten billion, is a typing mistake, not a fact to compute with.
 */
public final class FormLimits {

    /** Characters per text field, by its path without row indexes. */
    public static final Map<String, Integer> TEXT_LENGTHS = Map.ofEntries(
            Map.entry("enterprise.name", 300), Map.entry("enterprise.address", 500),
            Map.entry("enterprise.contactName", 200), Map.entry("enterprise.contactEmail", 254),
            Map.entry("project.title", 300), Map.entry("project.description", 10_000),
            Map.entry("project.services.description", 2000), Map.entry("project.services.justification", 2000),
            Map.entry("project.environmentalIndicators.unit", 40));

    /** One R&D service, the voucher asked for, and the capital equipment: each at most a million euros. */
    public static final BigDecimal MAX_PROJECT_AMOUNT = new BigDecimal("1000000");
    /** A completion's invoiced total: at most what the most services a form may list (20) can cost. */
    public static final BigDecimal MAX_INVOICED_AMOUNT = MAX_PROJECT_AMOUNT.multiply(BigDecimal.valueOf(20));
    /** The enterprise's turnover and total assets. */
    public static final BigDecimal MAX_ENTERPRISE_AMOUNT = new BigDecimal("10000000000");

    private static final Map<String, BigDecimal> AMOUNTS = Map.of(
            "project.services.costEur", MAX_PROJECT_AMOUNT, "project.requestedVoucherEur", MAX_PROJECT_AMOUNT,
            "project.capitalEquipmentEur", MAX_PROJECT_AMOUNT,
            "enterprise.annualTurnoverEur", MAX_ENTERPRISE_AMOUNT, "enterprise.totalAssetsEur", MAX_ENTERPRISE_AMOUNT);

    private FormLimits() {
    }

    /** The field's path without row indexes: {@code project.services[2].costEur} is {@code project.services.costEur}. */
    public static String kind(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    public static Integer maxLength(String path) {
        return TEXT_LENGTHS.get(kind(path));
    }

    /** The largest amount the field may hold, or null when it has no such bound. */
    public static BigDecimal maxAmount(String path) {
        return AMOUNTS.get(kind(path));
    }

    public static boolean tooLarge(String path, BigDecimal amount) {
        BigDecimal max = maxAmount(path);
        return max != null && amount != null && amount.compareTo(max) > 0;
    }

    /** A registration date cannot be later than the day it is given on. */
    public static boolean registeredInTheFuture(LocalDate registeredOn, LocalDate today) {
        return registeredOn != null && registeredOn.isAfter(today);
    }
}
