package rs.greenvoucher.api;

import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.RuleCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheme's constants and the eligibility rules the enterprise's own data decides, in one place for every
 * service and the portal (reference/scheme-rules.md). Money limits are parameters of each call (CallParameters),
 * not constants.
 */
public final class SchemeRules {

    /** L2: at most this many providers per project. */
    public static final int MAX_PROVIDERS = 3;

    /** The scheme runs in Serbia: "today", deadlines and weeks are Belgrade's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");

    /** E2: an SME has 10 to 249 employees and a turnover or balance sheet under these. */
    public static final int SME_MIN_EMPLOYEES = 10;
    public static final int SME_MAX_EMPLOYEES = 249;
    public static final Money SME_MAX_TURNOVER = Money.eur("50000000");
    public static final Money SME_MAX_ASSETS = Money.eur("43000000");

    /** A call's money rules when it does not set them (reference/scheme-rules.md, S4). */
    public static final Money DEFAULT_MIN_SERVICE_COST = Money.eur("4000");
    public static final java.math.BigDecimal DEFAULT_MAX_EQUIPMENT_SHARE_PERCENT = java.math.BigDecimal.valueOf(20);

    /**
     * The first call's money rules, for submissions recorded before events carried their call's parameters: a EUR
     * 20,000 voucher at most, 90 % of the cost, and the defaults above.
     */
    public static final MoneyLimits FIRST_CALL_MONEY = new MoneyLimits(Money.eur("20000"), java.math.BigDecimal.valueOf(90),
            DEFAULT_MIN_SERVICE_COST, DEFAULT_MAX_EQUIPMENT_SHARE_PERCENT);

    /** E3: active in the market for more than this many years. */
    public static final int MIN_YEARS_IN_MARKET = 2;

    private SchemeRules() {
    }

    /** L2 */
    public static boolean tooManyProviders(int count) {
        return count > MAX_PROVIDERS;
    }

    /** The scheme's date of an instant. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /**
     * A voucher's deadline: the day of the approval (UTC, as vouchers have always been dated) plus the call's
     * completion months. Core's committee decision and the what-if replay both use it.
     */
    public static LocalDate voucherValidUntil(Instant approvedAt, int completionMonths) {
        return LocalDate.ofInstant(approvedAt, java.time.ZoneOffset.UTC).plusMonths(completionMonths);
    }

    /** E1 as the data decides it; MIXED ownership needs an evaluator's judgement and does not pass on its own. */
    public static boolean privateDomestic(Ownership ownership) {
        return ownership == Ownership.PRIVATE_DOMESTIC;
    }

    /** E2 */
    public static boolean sme(int employees, Money turnover, Money assets) {
        boolean size = employees >= SME_MIN_EMPLOYEES && employees <= SME_MAX_EMPLOYEES;
        return size && (!turnover.isGreaterThan(SME_MAX_TURNOVER) || !assets.isGreaterThan(SME_MAX_ASSETS));
    }

    /** E3 */
    public static boolean longEnoughInMarket(LocalDate registeredOn, LocalDate on) {
        return registeredOn.isBefore(on.minusYears(MIN_YEARS_IN_MARKET));
    }

    /** E9: the service starts after the day of submission (the voucher never pays for work already started). */
    public static boolean startsAfter(LocalDate plannedStart, LocalDate submittedOn) {
        return plannedStart.isAfter(submittedOn);
    }

    /** E6 */
    public static boolean excludedSector(NaceCode nace) {
        return nace.isExcludedSector();
    }

    /**
     * "Can I apply?": the eligibility rules an enterprise's basic facts decide (E1, E2, E3, E6), the rules it breaks.
     * Screening judges the rest and confirms these.
     */
    public static List<RuleCode> preCheck(Ownership ownership, int employees, Money turnover, Money assets,
                                          LocalDate registeredOn, NaceCode nace, LocalDate today) {
        List<RuleCode> broken = new ArrayList<>();
        if (!privateDomestic(ownership)) {
            broken.add(RuleCode.E1);
        }
        if (!sme(employees, turnover, assets)) {
            broken.add(RuleCode.E2);
        }
        if (!longEnoughInMarket(registeredOn, today)) {
            broken.add(RuleCode.E3);
        }
        if (excludedSector(nace)) {
            broken.add(RuleCode.E6);
        }
        return broken;
    }
}
