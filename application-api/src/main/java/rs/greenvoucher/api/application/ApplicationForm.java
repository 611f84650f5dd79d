package rs.greenvoucher.api.application;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An application as the applicant submits it (api-contract.md, POST /api/applications). Fields are nullable
 * here so that a missing one is reported by name; core's submission validator checks every one.
 */
public record ApplicationForm(Enterprise enterprise, Project project, List<ProviderCode> providerCodes,
                              Declarations declarations) {

    public record Enterprise(Mb mb, Pib pib, String name, String address, Region region, NaceCode naceCode,
                             LocalDate registeredOn, Ownership ownership, Integer employees,
                             Money annualTurnoverEur, Money totalAssetsEur, GreenRole greenRole,
                             String contactName, String contactEmail) {
    }

    public record Project(String title, String description, List<Service> services, LocalDate plannedStart,
                          List<IndicatorTarget> environmentalIndicators, Money requestedVoucherEur,
                          @Schema(types = {"number", "null"}) Money capitalEquipmentEur) {

        /** The total service cost excl. VAT. */
        public Money totalCost() {
            Money total = Money.ZERO;
            if (services != null) {
                for (Service s : services) {
                    if (s != null && s.costEur() != null) {
                        total = total.plus(s.costEur());
                    }
                }
            }
            return total;
        }
    }

    /** One R&D service; {@code justification} is required for OTHER (S1). */
    public record Service(ServiceType type, String description, Money costEur,
                          @Schema(types = {"string", "null"}) String justification) {
    }

    public record IndicatorTarget(Indicator indicator, String unit, BigDecimal baseline, BigDecimal target) {
    }

    public record Declarations(Boolean noAffiliation, Boolean noLegalProceedings, Boolean serviceNotStarted,
                               Boolean canCoFinance) {
    }
}
