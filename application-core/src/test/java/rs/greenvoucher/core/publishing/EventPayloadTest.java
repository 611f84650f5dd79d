package rs.greenvoucher.core.publishing;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage.NamedProvider;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The payload mapping on its own: the event's fields plus the contract's additions, nothing read from anywhere. */
class EventPayloadTest {

    private static final UUID APP = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");
    private static final EventPayload.Lookups LOOKUPS = new EventPayload.Lookups("12345678", null,
            code -> code.value().equals("12") ? "Faculty of Technology and Metallurgy" : code.value(),
            code -> new rs.greenvoucher.api.kafka.ProviderContact(code, code, java.util.List.of()), java.util.List.of("12"));

    @Test
    void everyMessageHasTheStatusAfterTheEventAndTheEnterprisesMb() {
        ApplicationMessage message = EventPayload.of(new ApplicationWithdrawn(APP, "changed plans", AT), LOOKUPS);
        assertThat(message).isEqualTo(new ApplicationMessage.ApplicationWithdrawn(APP, "changed plans", AT,
                ApplicationStatus.WITHDRAWN, "12345678"));
    }

    @Test
    void anApprovalCarriesTheContractsNameForTheAmount() {
        VoucherApproved approved = new VoucherApproved(APP, UUID.randomUUID(), UUID.randomUUID(), Money.eur("10800"),
                LocalDate.parse("2027-05-24"), new Scores(5, 4, 4), "", "committee", AT);
        var message = (DecisionMessage.VoucherApproved) EventPayload.of(approved, LOOKUPS);
        assertThat(message.amountEur()).isEqualTo(Money.eur("10800"));
        assertThat(message.amount()).isEqualTo(Money.eur("10800"));
        assertThat(message.status()).isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void aMatchNamesTheProvidersFromTheLookup() {
        ProvidersMatched matched = new ProvidersMatched(APP, UUID.randomUUID(),
                List.of(new ProviderCode("12"), new ProviderCode("99")), "", "eva", AT);
        var message = (DecisionMessage.ProvidersMatched) EventPayload.of(matched, LOOKUPS);
        assertThat(message.providers()).containsExactly(
                new NamedProvider("12", "Faculty of Technology and Metallurgy"), new NamedProvider("99", "99"));
    }

    @Test
    void aSubmissionWithoutALanguageIsInTheSchemesDefault() {
        var submitted = new rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted(APP, "GIV-2026-000001",
                UUID.randomUUID(), "a", rs.greenvoucher.core.publishing.ApplicationMessageContractTest.form(), AT, null, null);
        assertThat(((ApplicationMessage.ApplicationSubmitted) EventPayload.of(submitted, LOOKUPS)).applicantLanguage()).isEqualTo("sr");
    }
}
