package rs.greenvoucher.api.call;

import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A call for applications and its money rules (S4 are parameters of a call, not constants). The last three are
 * additions to the contract with the scheme's defaults: EUR 4,000 minimum service cost, 20 % capital equipment, and
 * the documents D1 and D2 require ({@code DocumentRules.SCHEME_DEFAULT}), and the days to reply to a request for
 * more information (D3, 14). A call created before documents existed
 * has none in its event, and requires none.
 */
public record CallParameters(String name, LocalDate opensOn, LocalDate closesOn, Money budgetEur, Money maxVoucherEur,
                             BigDecimal maxSharePercent, Integer completionMonths, Money minServiceCostEur,
                             BigDecimal maxEquipmentSharePercent, List<DocumentKind> requiredDocuments,
                             Integer informationReplyDays) {

    /** D3: the days an applicant has to answer a request for more information, unless the evaluator gives a date. */
    public static final int DEFAULT_REPLY_DAYS = 14;

    public CallParameters {
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        informationReplyDays = informationReplyDays == null ? DEFAULT_REPLY_DAYS : informationReplyDays;
    }
}
