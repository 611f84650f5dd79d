package rs.greenvoucher.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.client.core.ApiClient;
import rs.greenvoucher.client.core.ApiException;
import rs.greenvoucher.client.core.api.ApplicationsApi;
import rs.greenvoucher.client.core.model.ApplicationForm;
import rs.greenvoucher.client.core.model.ApplicationView;
import rs.greenvoucher.client.core.model.StatusChanged;
import rs.greenvoucher.client.core.model.SubmissionAccepted;
import rs.greenvoucher.client.core.model.WithdrawRequest;
import rs.greenvoucher.infra.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client that is not ours: the Java client OpenAPI Generator writes at build time from core's OpenAPI description
 * (contract/openapi/core.json, which CoreSmokeIT keeps equal to the served one) drives a submission, a withdrawal and
 * a refusal against the running core. If the description stops generating a working client, the build fails here.
 */
class GeneratedClientIT {

    static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.api();
    }

    private static ApplicationsApi applications(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(system.serviceBases().get("CORE"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new ApplicationsApi(client);
    }

    private static ApplicationForm form(String mb) throws Exception {
        // the client's own model, read by the client's own mapper from the JSON a person's form would send
        return new ApiClient().getObjectMapper().readValue(TestData.application(mb), ApplicationForm.class);
    }

    @Test
    void aSubmissionAndItsWithdrawalThroughTheGeneratedClient() throws Exception {
        String applicant = system.core.newApplicant("en");
        ApplicationsApi api = applications(applicant);
        SubmissionAccepted accepted = api.submit1(form(TestData.mb()), null);
        assertThat(accepted.getStatus().getValue()).isEqualTo("SUBMITTED");
        assertThat(accepted.getTrackingCode()).startsWith("GIV-");

        ApplicationView view = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> api.get1(accepted.getId(), null), v -> v != null);
        assertThat(view.getTrackingCode()).isEqualTo(accepted.getTrackingCode());
        assertThat(view.getProject().getTitle()).isEqualTo("Recycled PET packaging line");

        StatusChanged withdrawn = api.withdraw(accepted.getId(), new WithdrawRequest().reason("Changed plans."));
        assertThat(withdrawn.getStatus().getValue()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aRefusalReachesTheGeneratedClientAsProblemJson() throws Exception {
        String applicant = system.core.newApplicant("en");
        ApplicationsApi api = applications(applicant);
        String mb = TestData.mb();
        api.submit1(form(mb), null);
        ApiException refused = catchThrowableOfType(ApiException.class, () -> api.submit1(form(mb), null));
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getResponseBody()).contains("\"code\":\"ONE_VOUCHER_PER_ENTERPRISE\"").contains("L1");
    }
}
