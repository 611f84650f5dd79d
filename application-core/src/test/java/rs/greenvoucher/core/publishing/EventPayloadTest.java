package rs.greenvoucher.core.publishing;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.ProvidersMatched;
import rs.greenvoucher.api.application.ApplicationEvent.VoucherApproved;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The payload mapping on its own: the event's fields plus the contract's additions, nothing read from anywhere. */
class EventPayloadTest {

    private static final UUID APP = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");
    private static final EventPayload.Lookups LOOKUPS = new EventPayload.Lookups("12345678", null,
            code -> code.value().equals("12") ? "Faculty of Technology and Metallurgy" : code.value());

    @Test
    void everyPayloadHasTheStatusAfterTheEventAndTheEnterprisesMb() {
        Map<String, Object> payload = EventPayload.of(new ApplicationWithdrawn(APP, "changed plans", AT),
                Map.of("applicationId", APP.toString(), "reason", "changed plans"), LOOKUPS);
        assertThat(payload).containsEntry("status", "WITHDRAWN").containsEntry("enterpriseMb", "12345678")
                .containsEntry("reason", "changed plans");
    }

    @Test
    void anApprovalCarriesTheContractsNameForTheAmount() {
        VoucherApproved approved = new VoucherApproved(APP, UUID.randomUUID(), UUID.randomUUID(), Money.eur("10800"),
                LocalDate.parse("2027-05-24"), new Scores(5, 4, 4), "", "committee", AT);
        Map<String, Object> payload = EventPayload.of(approved, Map.of("amount", new BigDecimal("10800.00")), LOOKUPS);
        assertThat((BigDecimal) payload.get("amountEur")).isEqualByComparingTo("10800");
        assertThat(payload).containsEntry("amount", new BigDecimal("10800.00")).containsEntry("status", "APPROVED");
    }

    @Test
    void aMatchNamesTheProvidersFromTheLookup() {
        ProvidersMatched matched = new ProvidersMatched(APP, UUID.randomUUID(),
                List.of(new ProviderCode("12"), new ProviderCode("99")), "", "eva", AT);
        Map<String, Object> payload = EventPayload.of(matched, Map.of(), LOOKUPS);
        assertThat(payload.get("providers")).isEqualTo(List.of(
                Map.of("code", "12", "name", "Faculty of Technology and Metallurgy"), Map.of("code", "99", "name", "99")));
    }
}
