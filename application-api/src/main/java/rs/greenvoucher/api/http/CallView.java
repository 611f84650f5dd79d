package rs.greenvoucher.api.http;

import rs.greenvoucher.api.value.DocumentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A call with its money rules, the documents it requires (D1, D2) and the money committed so far. */
public record CallView(UUID id, String name, LocalDate opensOn, LocalDate closesOn, BigDecimal budgetEur,
                       BigDecimal committedEur, BigDecimal maxVoucherEur, BigDecimal maxSharePercent, int completionMonths,
                       BigDecimal minServiceCostEur, BigDecimal maxEquipmentSharePercent,
                       List<DocumentKind> requiredDocuments, int informationReplyDays) {

    public boolean openOn(LocalDate day) {
        return !opensOn.isAfter(day) && !closesOn.isBefore(day);
    }
}
