package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A call's history replayed under other parameters: which approvals and completions they would have refused. */
public record WhatIfAnswer(UUID callId, String callName,
                           @Schema(description = "always true: a what-if reads the events and changes nothing") boolean writesNothing,
                           Rules actual, Rules whatIf, int approved, int wouldFit,
                           @Schema(description = "approvals S4 would have refused under the other maximum or share") List<Voucher> refusedByS4,
                           @Schema(description = "approvals L4 would have refused: the other budget was spent by then") List<Voucher> refusedByL4,
                           @Schema(description = "completed vouchers whose report came after the deadline they would have had")
                           List<Voucher> wouldHaveExpired,
                           Amounts committedEur,
                           @Schema(description = "the vouchers' amounts their verified completions made payable") Amounts paidEur,
                           @Schema(description = "what the bank paid the providers; under the other share: the same paid invoices "
                                   + "at that share, within each voucher (I3)") Amounts providersPaidEur) {

    public record Rules(Money budgetEur, Money maxVoucherEur, BigDecimal maxSharePercent, int completionMonths) {
    }

    public record Voucher(String trackingCode, BigDecimal amountEur, @Schema(types = {"string", "null"}) String rule,
                          @Schema(types = {"string", "null"}) String why) {
    }

    public record Amounts(BigDecimal actual, BigDecimal whatIf) {
    }
}
