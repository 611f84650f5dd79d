package rs.greenvoucher.core.calls;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.call.CallEvent.CallCreated;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

class SchemeCallTest {

    @Test
    void aCallIsCreatedWithItsParameters() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        AggregateTestFixture<SchemeCall> fixture = new AggregateTestFixture<>(SchemeCall.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        UUID id = UUID.randomUUID();
        CallParameters parameters = new CallParameters("Zeleni vaučeri 2027", LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-06-30"), Money.eur("500000"), Money.eur("20000"), BigDecimal.valueOf(90), 6,
                Money.eur("4000"), BigDecimal.valueOf(20), rs.greenvoucher.api.DocumentRules.SCHEME_DEFAULT, 21);
        fixture.givenNoPriorActivity().when(new CreateCall(id, parameters, "admin"))
                .expectEvents(new CallCreated(id, parameters, "admin", now));
        fixture.given(new CallCreated(id, parameters, "admin", now)).when(new CreateCall(id, parameters, "admin"))
                .expectException(Exception.class);
    }
}
