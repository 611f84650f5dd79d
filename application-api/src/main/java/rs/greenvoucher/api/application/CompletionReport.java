package rs.greenvoucher.api.application;

import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.util.List;

/** What the SME reports when the work is done: deliverables, invoices and measured indicators. */
public record CompletionReport(String summary, List<String> deliverables, Money invoicedEur,
                               List<IndicatorResult> environmentalResults) {

    public record IndicatorResult(Indicator indicator, String unit, BigDecimal value) {
    }
}
