package rs.greenvoucher.core.voucher.submit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Submission: every transition and every refusal, given events, when the command. */
class SubmissionTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void submissionClaimsTheEnterpriseAndIsSubmitted() {
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, APPLICANT, form("12", "23"), "sr", "ana@example.rs"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApplicationSubmitted(ID, "GIV-2026-000001", CALL, APPLICANT, form("12", "23"), NOW, "sr", "ana@example.rs"));
        assertThat(limits.claimed).containsKey("20084693");
    }

    @Test
    void anApplicantAtTheCapOfOpenApplicationsIsRefused() {
        limits.openApplicationsPerAccount = 1;
        limits.slots.put(UUID.randomUUID(), APPLICANT);
        fixture.givenNoPriorActivity()
                .when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.TOO_MANY_OPEN_APPLICATIONS))
                .expectExceptionMessage("This account already has 1 applications in progress; withdraw one or wait for a decision.")
                .expectNoEvents();
    }

    @Test
    void aSubmissionWithFourProvidersIsRefusedByL2() {
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("01", "02", "03", "04"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.TOO_MANY_PROVIDERS, RuleCode.L2)).expectNoEvents();
    }

    @Test
    void aSubmissionWithAnUnknownProviderIsRefusedByP1() {
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("77"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.UNKNOWN_PROVIDER, RuleCode.P1))
                .expectExceptionMessage("Not on the list of active providers: 77.").expectNoEvents();
    }

    @Test
    void aSecondApplicationOfAnEnterpriseIsRefusedByL1() {
        limits.claimed.put("20084693", UUID.randomUUID());
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.ONE_VOUCHER_PER_ENTERPRISE, RuleCode.L1)).expectNoEvents();
    }

    @Test
    void aSubmissionWhoseServiceStartsTodayIsRefusedByE9() {
        ApplicationForm form = form("12");
        ApplicationForm.Project p = form.project();
        ApplicationForm startsToday = new ApplicationForm(form.enterprise(), new ApplicationForm.Project(p.title(), p.description(),
                p.services(), LocalDate.ofInstant(NOW, ZoneOffset.UTC), p.environmentalIndicators(), p.requestedVoucherEur(),
                p.capitalEquipmentEur()), form.providerCodes(), form.declarations());
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, startsToday, "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.SCHEME_RULE_VIOLATED, RuleCode.E9)).expectNoEvents();
        assertThat(limits.claimed).isEmpty();
    }

    @Test
    void aSubmissionWithNoCallOpenIsRefused() {
        limits.open = false;
        fixture.givenNoPriorActivity().when(new SubmitApplication(ID, APPLICANT, form("12"), "sr", "ana@example.rs"))
                .expectException(refused(RefusalCode.CALL_CLOSED))
                .expectExceptionMessage("No call is open for submissions today.").expectNoEvents();
    }
}
