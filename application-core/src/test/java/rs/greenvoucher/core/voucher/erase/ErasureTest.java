package rs.greenvoucher.core.voucher.erase;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationWithdrawn;
import rs.greenvoucher.api.application.ApplicationEvent.PersonalDataErased;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherApplication;
import rs.greenvoucher.core.voucher.VoucherFixture.FakeLimits;
import rs.greenvoucher.core.voucher.VoucherFixture;
import rs.greenvoucher.core.voucher.correct.ProposeCorrection;
import java.util.List;

import static rs.greenvoucher.core.support.Refused.refused;
import static rs.greenvoucher.core.voucher.VoucherFixture.*;

/** Erasure of personal data: every transition and every refusal, given events, when the command. */
class ErasureTest {

    private final FakeLimits limits = new FakeLimits();
    private final AggregateTestFixture<VoucherApplication> fixture = VoucherFixture.fixture(limits);

    @Test
    void anAdminErasesThePersonalDataOfAWithdrawnApplication() {
        fixture.given(submitted(), new ApplicationWithdrawn(ID, "moved abroad", NOW))
                .when(new ErasePersonalData(ID, "request 2026-17", "admin-1"))
                .expectEvents(new PersonalDataErased(ID, APPLICANT, "request 2026-17", "admin-1",
                        rs.greenvoucher.api.value.ApplicationStatus.WITHDRAWN, NOW));
    }

    @Test
    void personalDataOfAnApplicationUnderWayIsNotErased() {
        fixture.given(submitted(), screened()).when(new ErasePersonalData(ID, "request 2026-17", "admin-1"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void personalDataIsNotErasedWhileACorrectionWaits() {
        fixture.given(submitted(), rejectedAtScreening(), reinstatementProposed())
                .when(new ErasePersonalData(ID, "request 2026-17", "admin-1"))
                .expectException(refused(RefusalCode.CORRECTION_PENDING)).expectNoEvents();
    }

    @Test
    void anApplicationWhoseDataIsErasedIsNotReinstated() {
        fixture.given(submitted(), rejectedAtScreening(), new PersonalDataErased(ID, APPLICANT, "r", "admin-1",
                        ApplicationStatus.REJECTED, NOW))
                .when(new ProposeCorrection(ID, C1, Stage.SCREENING, List.of(), "NACE read wrongly", "admin-2"))
                .expectException(refused(RefusalCode.INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void personalDataErasedOnceIsNotErasedAgain() {
        fixture.given(submitted(), new ApplicationWithdrawn(ID, "", NOW), new PersonalDataErased(ID, APPLICANT, "r", "admin-1",
                        rs.greenvoucher.api.value.ApplicationStatus.WITHDRAWN, NOW))
                .when(new ErasePersonalData(ID, "again", "admin-2"))
                .expectNoEvents();
    }
}
