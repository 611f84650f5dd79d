package rs.greenvoucher.core.providers.prequalification;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.provider.Organisation;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.ApplyToProvide;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.ApproveProviderApplication;
import rs.greenvoucher.api.provider.ProviderApplicationCommand.RefuseProviderApplication;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationApproved;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationRefused;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderApplicationSubmitted;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.api.provider.ProviderApplicationEvent.ProviderDocumentAttached;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-qualification's transitions and refusals (P2, P3, L3), one scenario each. */
class ProviderApplicationTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final UUID ID = UUID.fromString("5b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID ACCOUNT = UUID.fromString("0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9");
    static final Organisation LAB = new Organisation("Laboratorija Zeleni Inženjering d.o.o.", new Mb("20084693"),
            new Pib("100000024"), ProviderKind.COMPANY, "Novi Sad",
            "Ispitivanje energetske efikasnosti i LCA analize za proizvođače ambalaže.", List.of("Projekat EU Horizon 2022, LCA ambalaže"));

    AggregateTestFixture<ProviderApplication> fixture;
    final Set<String> beneficiaries = new HashSet<>();
    final Set<String> listed = new HashSet<>();
    final Map<UUID, ProviderCode> links = new HashMap<>();
    boolean accountLinked;
    final List<UUID> stored = new java.util.ArrayList<>();
    static final UUID DOCUMENT = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final Upload EXTRACT = Upload.of("REGISTER_EXTRACT", null, "izvod.pdf", rs.greenvoucher.infra.SamplePdf.of("Izvod APR"));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProviderApplication.class);
        ProviderClaims claims = (mb, id) -> {
            if (beneficiaries.contains(mb.value())) {
                throw RuleViolation.applicantCannotBeProvider(mb.value());
            }
            if (!listed.add(mb.value())) {
                throw RuleViolation.providerAlreadyListed(mb.value());
            }
        };
        ProviderAccounts accounts = new ProviderAccounts() {
            @Override
            public void requireUnlinked(UUID accountId) {
                if (accountLinked) {
                    throw new Refusal(RefusalCode.INVALID_TRANSITION, "acts for a provider already");
                }
            }

            @Override
            public void link(UUID accountId, ProviderCode code) {
                links.put(accountId, code);
            }
        };
        ProviderList list = (organisation, by) -> new ProviderCode("69");
        rs.greenvoucher.core.voucher.attach.DocumentFiles files = (subject, owner, upload, by, at) -> {
            stored.add(subject);
            return new DocumentStore.Stored(DOCUMENT, subject, null, upload.kind(), null, "sealed", "application/pdf", true,
                    upload.bytes().length, upload.sha256(), owner, at);
        };
        fixture.registerAnnotatedCommandHandler(new ProviderApplications(fixture.getRepository(), claims, accounts, list, files,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static ProviderApplicationSubmitted submitted() {
        return new ProviderApplicationSubmitted(ID, ACCOUNT, LAB, NOW);
    }

    @Test
    void anOrganisationApplies() {
        fixture.givenNoPriorActivity()
                .when(new ApplyToProvide(ID, ACCOUNT, LAB))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
        assertThat(listed).contains("20084693");
    }

    @Test
    void anIndividualConsultantIsRefusedAtTheDoorP2() {
        Organisation consultant = new Organisation("Petar Petrović PR", new Mb("20084693"), new Pib("100000024"),
                ProviderKind.INDIVIDUAL_CONSULTANT, "Niš", "Savetovanje o energetskoj efikasnosti za mala preduzeća.", List.of("x"));
        fixture.givenNoPriorActivity()
                .when(new ApplyToProvide(ID, ACCOUNT, consultant))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Individual consultants are never providers.")
                .expectNoEvents();
        assertThat(listed).isEmpty();
    }

    @Test
    void anMbThatAppliedForAVoucherIsRefusedL3() {
        beneficiaries.add("20084693");
        fixture.givenNoPriorActivity()
                .when(new ApplyToProvide(ID, ACCOUNT, LAB))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Enterprise 20084693 has applied for a voucher and cannot be a provider.")
                .expectNoEvents();
    }

    @Test
    void anMbOnTheListOrThatAppliedIsRefusedP3() {
        listed.add("20084693");
        fixture.givenNoPriorActivity()
                .when(new ApplyToProvide(ID, ACCOUNT, LAB))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The organisation 20084693 is on the list of providers already, or has applied to be.")
                .expectNoEvents();
    }

    @Test
    void anAccountActingForAProviderCannotApply() {
        accountLinked = true;
        fixture.givenNoPriorActivity()
                .when(new ApplyToProvide(ID, ACCOUNT, LAB))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void itsAccountAttachesADocumentWhileItWaits() {
        fixture.given(submitted())
                .when(new AttachProviderDocument(ID, ACCOUNT, EXTRACT))
                .expectEvents(new ProviderDocumentAttached(ID, DOCUMENT, rs.greenvoucher.api.value.DocumentKind.REGISTER_EXTRACT,
                        EXTRACT.bytes().length, EXTRACT.sha256(), ACCOUNT, NOW));
        assertThat(stored).containsExactly(ID);
    }

    @Test
    void anotherAccountCannotAttachToIt() {
        fixture.given(submitted())
                .when(new AttachProviderDocument(ID, UUID.randomUUID(), EXTRACT))
                .expectException(Refusal.class)
                .expectExceptionMessage("No such resource.")
                .expectNoEvents();
        assertThat(stored).isEmpty();
    }

    @Test
    void aDecidedApplicationTakesNoDocument() {
        fixture.given(submitted(), new ProviderApplicationRefused(ID, List.of(RuleCode.P3), "Ne.", "admin", NOW))
                .when(new AttachProviderDocument(ID, ACCOUNT, EXTRACT))
                .expectException(Refusal.class)
                .expectNoEvents();
        assertThat(stored).isEmpty();
    }

    @Test
    void aVoucherDocumentKindIsNotAnOrganisations() {
        fixture.given(submitted())
                .when(new AttachProviderDocument(ID, ACCOUNT, Upload.of("FINANCIAL_STATEMENTS", null, "bilans.pdf",
                        rs.greenvoucher.infra.SamplePdf.of("Bilans"))))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void anApprovalPutsItOnTheListAndLinksTheAccount() {
        fixture.given(submitted())
                .when(new ApproveProviderApplication(ID, "Reference provereno.", "admin"))
                .expectResultMessagePayload(new ProviderCode("69"))
                .expectEvents(new ProviderApplicationApproved(ID, new ProviderCode("69"), "Reference provereno.", "admin", NOW));
        assertThat(links).containsEntry(ACCOUNT, new ProviderCode("69"));
    }

    @Test
    void aDecidedApplicationIsNotApprovedAgain() {
        fixture.given(submitted(), new ProviderApplicationApproved(ID, new ProviderCode("69"), null, "admin", NOW))
                .when(new ApproveProviderApplication(ID, null, "admin"))
                .expectException(Refusal.class)
                .expectExceptionMessage("The application was decided already (APPROVED).")
                .expectNoEvents();
        assertThat(links).isEmpty();
    }

    @Test
    void aRefusalNamesTheRulesAndWhy() {
        fixture.given(submitted())
                .when(new RefuseProviderApplication(ID, List.of(RuleCode.P3), "Nema referenci u zelenim istraživanjima.", "admin"))
                .expectEvents(new ProviderApplicationRefused(ID, List.of(RuleCode.P3), "Nema referenci u zelenim istraživanjima.", "admin", NOW));
    }

    @Test
    void aRefusalNamesOnlyTheProvidersRules() {
        fixture.given(submitted())
                .when(new RefuseProviderApplication(ID, List.of(RuleCode.E1), "Nije privatno preduzeće.", "admin"))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void aRefusalSaysWhy() {
        fixture.given(submitted())
                .when(new RefuseProviderApplication(ID, List.of(RuleCode.P2), " ", "admin"))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void aRefusedApplicationIsNotRefusedAgain() {
        fixture.given(submitted(), new ProviderApplicationRefused(ID, List.of(RuleCode.P3), "Ne.", "admin", NOW))
                .when(new RefuseProviderApplication(ID, List.of(RuleCode.P3), "Opet ne.", "admin"))
                .expectException(Refusal.class)
                .expectExceptionMessage("The application was decided already (REFUSED).")
                .expectNoEvents();
    }
}
