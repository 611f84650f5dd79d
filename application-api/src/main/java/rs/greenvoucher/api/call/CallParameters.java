package rs.greenvoucher.api.call;

import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A call for applications and its money rules (S4 are parameters of a call, not constants). The last two are
 * additions to the contract with the scheme's defaults: EUR 4,000 minimum service cost, 20 % capital equipment.
 */
public record CallParameters(String name, LocalDate opensOn, LocalDate closesOn, Money budgetEur, Money maxVoucherEur,
                             BigDecimal maxSharePercent, Integer completionMonths, Money minServiceCostEur,
                             BigDecimal maxEquipmentSharePercent) {
}
