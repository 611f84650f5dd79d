package rs.greenvoucher.core.providers;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.api.provider.ProviderCommand.DeactivateProvider;
import rs.greenvoucher.api.provider.ProviderCommand.NewProvider;
import rs.greenvoucher.api.provider.ProviderCommand.QualifyProvider;
import rs.greenvoucher.api.provider.ProviderCommand.ReactivateProvider;
import rs.greenvoucher.api.provider.ProviderCommand.SeedProviderRegistry;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderDeactivated;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderQualified;
import rs.greenvoucher.api.provider.ProviderEvent.ProviderReactivated;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.value.ProviderCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider list's transitions: the initial list, pre-qualification (P2, P3), deactivation and reactivation. */
class ProviderRegistryTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    AggregateTestFixture<ProviderRegistry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProviderRegistry.class);
        // qualifications without an MB never touch the L3 limit, so no database is needed here
        fixture.registerAnnotatedCommandHandler(new ProviderRegistryHandler(fixture.getRepository(), (Limits) null,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static ProviderQualified listed(String code, String name) {
        return new ProviderQualified(new ProviderCode(code), name, ProviderKind.FACULTY, "Beograd", null, true, "initial list", NOW);
    }

    @Test
    void theInitialListIsLoadedOnceWithItsCodes() throws Exception {
        List<NewProvider> list = ProviderSeeder.read();
        assertThat(list).hasSize(68);
        assertThat(list.get(0).name()).isEqualTo("Faculty of Physical Chemistry, University of Belgrade");
        fixture.givenNoPriorActivity()
                .when(new SeedProviderRegistry(List.of(list.get(0), list.get(1))))
                .expectEvents(
                        new ProviderQualified(new ProviderCode("01"), list.get(0).name(), ProviderKind.FACULTY, "Belgrade", null, true, "initial list", NOW),
                        new ProviderQualified(new ProviderCode("02"), list.get(1).name(), ProviderKind.FACULTY, "Belgrade", null, true, "initial list", NOW));
    }

    @Test
    void aNewProviderGetsTheNextCodeAndAnIndividualNever() {
        fixture.given(listed("01", "A"), listed("68", "B"))
                .when(new QualifyProvider(new NewProvider(null, "Institut Zelena Energija", ProviderKind.INSTITUTE, "Novi Sad", null), "admin"))
                .expectResultMessagePayload(new ProviderCode("69"))
                .expectEvents(new ProviderQualified(new ProviderCode("69"), "Institut Zelena Energija", ProviderKind.INSTITUTE,
                        "Novi Sad", null, false, "admin", NOW));
        fixture.given(listed("01", "A"))
                .when(new QualifyProvider(new NewProvider(null, "Petar Petrović", ProviderKind.INDIVIDUAL_CONSULTANT, "Niš", null), "admin"))
                .expectException(rs.greenvoucher.core.support.Refused.refused(
                        rs.greenvoucher.api.value.RefusalCode.PROVIDER_NOT_ELIGIBLE, rs.greenvoucher.api.value.RuleCode.P2)).expectNoEvents();
    }

    @Test
    void deactivationAndReactivationAreRecordedAndIdempotent() {
        fixture.given(listed("01", "A")).when(new DeactivateProvider(new ProviderCode("01"), "closed lab", "admin"))
                .expectEvents(new ProviderDeactivated(new ProviderCode("01"), "closed lab", "admin", NOW));
        fixture.given(listed("01", "A"), new ProviderDeactivated(new ProviderCode("01"), "x", "admin", NOW))
                .when(new DeactivateProvider(new ProviderCode("01"), "again", "admin")).expectNoEvents();
        fixture.given(listed("01", "A"), new ProviderDeactivated(new ProviderCode("01"), "x", "admin", NOW))
                .when(new ReactivateProvider(new ProviderCode("01"), "admin"))
                .expectEvents(new ProviderReactivated(new ProviderCode("01"), "admin", NOW));
        fixture.given(listed("01", "A")).when(new DeactivateProvider(new ProviderCode("55"), "", "admin"))
                .expectExceptionMessage("No provider with code 55.");
    }
}
