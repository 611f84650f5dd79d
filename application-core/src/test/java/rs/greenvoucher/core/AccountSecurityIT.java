package rs.greenvoucher.core;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import rs.greenvoucher.infra.AccountMailbox;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static rs.greenvoucher.core.CoreIntegrationTest.assertProblem;

/** Passwords, verified addresses, refresh and revocation, disabled accounts, the cap, L3 and the constant-time 404. */
// its own limits make it a context of its own; closed after the class, so that no other instance of core is
// running when the shared context's tests (a rebuild) need to be the only one
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gv.bootstrap-admin.username=admin", "gv.bootstrap-admin.password=admin-password-for-tests",
                CoreIntegrationTest.UNTHROTTLED_ANONYMOUS, CoreIntegrationTest.UNTHROTTLED_SIGN_IN, CoreIntegrationTest.UNTHROTTLED_SIGN_UP,
                CoreIntegrationTest.UNTHROTTLED_SIGN_UPS_PER_EMAIL, "gv.limits.open-applications-per-account=2"})
class AccountSecurityIT extends CoreIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private Response signUp(String email, String password) {
        return api.post("/api/accounts/applicants", null, """
                {"email":"%s","password":"%s","fullName":"Ana Petrović","preferredLanguage":"sr"}""".formatted(email, password));
    }

    private static String email() {
        return "ana-" + UUID.randomUUID() + "@example.rs";
    }

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesIsRefusedWith400NotHashed() {
        Response tooLong = signUp(email(), "č".repeat(40));
        assertProblem(tooLong, 400, "VALIDATION_FAILED");
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("72 bytes");
        // 36 × "č" is exactly 72 bytes: accepted, and it signs in
        String email = email();
        assertThat(signUp(email, "č".repeat(36)).status()).isEqualTo(201);
        assertThat(api.post("/api/auth/token", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(email, "č".repeat(36)))
                .status()).isEqualTo(200);
        // a sign-in with a password no account can have is simply wrong
        assertProblem(api.post("/api/auth/token", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(email, "č".repeat(60))),
                401, "UNAUTHENTICATED");
        assertProblem(signUp(email(), "short"), 400, "VALIDATION_FAILED");
    }

    @Test
    void anApplicantSubmitsOnlyOnceTheirAddressIsConfirmed() {
        String email = api.signUp("sr");
        String token = api.token(email, HttpApi.APPLICANT_PASSWORD);
        assertThat(api.get("/api/accounts/me", token).json().get("emailVerified").asBoolean()).isFalse();
        Response early = api.post("/api/applications", token, TestData.application(TestData.mb()));
        assertProblem(early, 403, "EMAIL_NOT_VERIFIED");

        String secret = AccountMailbox.get().verificationSecret(email, Duration.ofSeconds(30));
        assertThat(api.get("/api/accounts/email-verification?token=" + secret, null).json().get("emailVerified").asBoolean()).isTrue();
        assertProblem(api.get("/api/accounts/email-verification?token=" + secret, null), 400, "INVALID_VERIFICATION_LINK");
        assertThat(api.post("/api/applications", token, TestData.application(TestData.mb())).status()).isEqualTo(201);
    }

    @Test
    void aRefreshTokenIsUsedOnceAndASecondUseRevokesItsFamily() {
        String email = api.signUp("en");
        JsonNode first = api.signIn(email, HttpApi.APPLICANT_PASSWORD);
        assertThat(first.get("expiresIn").asLong()).isEqualTo(300);
        String refresh = first.get("refreshToken").asString();
        Response renewed = api.post("/api/auth/refresh", null, "{\"refreshToken\":\"%s\"}".formatted(refresh));
        assertThat(renewed.status()).isEqualTo(200);
        String next = renewed.json().get("refreshToken").asString();
        assertThat(api.get("/api/accounts/me", renewed.json().get("accessToken").asString()).status()).isEqualTo(200);

        // the spent token again: someone kept a copy; the whole family is revoked, the legitimate next one too
        assertProblem(api.post("/api/auth/refresh", null, "{\"refreshToken\":\"%s\"}".formatted(refresh)), 401, "UNAUTHENTICATED");
        assertProblem(api.post("/api/auth/refresh", null, "{\"refreshToken\":\"%s\"}".formatted(next)), 401, "UNAUTHENTICATED");
    }

    @Test
    void aPasswordChangeRevokesEveryEarlierToken() {
        String email = api.signUp("sr");
        JsonNode before = api.signIn(email, HttpApi.APPLICANT_PASSWORD);
        String oldAccess = before.get("accessToken").asString();
        String accountId = api.get("/api/accounts/me", oldAccess).json().get("id").asString();

        Response wrong = api.post("/api/accounts/me/password", oldAccess,
                "{\"currentPassword\":\"not my password\",\"newPassword\":\"a brand new passphrase\"}");
        assertProblem(wrong, 400, "VALIDATION_FAILED");
        Response changed = api.post("/api/accounts/me/password", oldAccess,
                "{\"currentPassword\":\"%s\",\"newPassword\":\"a brand new passphrase\"}".formatted(HttpApi.APPLICANT_PASSWORD));
        assertThat(changed.status()).isEqualTo(200);

        assertProblem(api.get("/api/accounts/me", oldAccess), 401, "UNAUTHENTICATED");
        assertProblem(api.post("/api/auth/refresh", null, "{\"refreshToken\":\"%s\"}".formatted(before.get("refreshToken").asString())),
                401, "UNAUTHENTICATED");
        assertThat(api.get("/api/accounts/me", changed.json().get("accessToken").asString()).status()).isEqualTo(200);
        assertProblem(api.post("/api/auth/token", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(email, HttpApi.APPLICANT_PASSWORD)),
                401, "UNAUTHENTICATED");
        // the other services learn it from Kafka
        assertThat(AccountMailbox.get().await("TokensRevoked", accountId, Duration.ofSeconds(30)).get("reason").asString())
                .isEqualTo("PASSWORD_CHANGED");
    }

    @Test
    void anAdminDisablesAndEnablesAnAccount() {
        String token = api.newApplicant("sr");
        String accountId = api.get("/api/accounts/me", token).json().get("id").asString();
        String admin = admin();

        Response disabled = api.post("/api/accounts/" + accountId + "/disable", admin, "");
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertProblem(api.get("/api/applications", token), 401, "UNAUTHENTICATED");
        String email = disabled.json().get("email").asString();
        assertProblem(api.post("/api/auth/token", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(email, HttpApi.APPLICANT_PASSWORD)),
                403, "ACCOUNT_DISABLED");
        assertThat(AccountMailbox.get().await("TokensRevoked", accountId, Duration.ofSeconds(30)).get("reason").asString())
                .isEqualTo("DISABLED");

        assertThat(api.post("/api/accounts/" + accountId + "/enable", admin, "").json().get("disabled").asBoolean()).isFalse();
        assertThat(api.get("/api/applications", api.token(email, HttpApi.APPLICANT_PASSWORD)).status()).isEqualTo(200);

        // only an ADMIN, and never their own account
        assertProblem(api.post("/api/accounts/" + accountId + "/disable", api.newApplicant("sr"), ""), 403, "FORBIDDEN");
        String adminId = api.get("/api/accounts/me", admin).json().get("id").asString();
        assertProblem(api.post("/api/accounts/" + adminId + "/disable", admin, ""), 409, "CANNOT_DISABLE_YOURSELF");
    }

    @Test
    void anAccountHasAtMostTheCapOfOpenApplications() {
        String token = api.newApplicant("sr");
        String first = api.post("/api/applications", token, TestData.application(TestData.mb())).json().get("id").asString();
        assertThat(api.post("/api/applications", token, TestData.application(TestData.mb())).status()).isEqualTo(201);
        String mb = TestData.mb();
        Response third = api.post("/api/applications", token, TestData.application(mb));
        assertProblem(third, 409, "TOO_MANY_OPEN_APPLICATIONS");
        // refused: the enterprise was not claimed, another applicant can apply for it
        assertThat(api.post("/api/applications", api.newApplicant("en"), TestData.application(mb)).status()).isEqualTo(201);
        // a withdrawal frees a place
        assertThat(api.post("/api/applications/" + first + "/withdraw", token, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/applications", token, TestData.application(TestData.mb())).status()).isEqualTo(201);
    }

    @Test
    void aWithdrawalBeforeApprovalFreesTheMbToBecomeAProvider() {
        String token = api.newApplicant("sr");
        String mb = TestData.mb();
        String id = api.post("/api/applications", token, TestData.application(mb)).json().get("id").asString();
        String admin = admin();
        String provider = "{\"name\":\"Eko Plast Lab\",\"kind\":\"COMPANY\",\"city\":\"Subotica\",\"mb\":\"%s\"}".formatted(mb);
        assertProblem(api.post("/api/providers", admin, provider), 409, "PROVIDER_CANNOT_APPLY");
        assertThat(api.post("/api/applications/" + id + "/withdraw", token, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/providers", admin, provider).status()).isEqualTo(201);
    }

    @Test
    void onlyTheOwnersFreshSubmissionIsWaitedFor() {
        String owner = api.newApplicant("sr");
        String stranger = api.newApplicant("en");
        // a submission in the event store (its slot is written with its events) that the view has not caught up with
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into applicant_slot (application_id, applicant_id, claimed_at) values (:id, :owner, :now)")
                .param("id", id).param("owner", api.get("/api/accounts/me", owner).json().get("id").asString())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        double before = waits();

        // not theirs: 404 at once, exactly as for an id that does not exist; nothing waited
        assertProblem(api.get("/api/applications/" + id, stranger), 404, "NOT_FOUND");
        assertProblem(api.get("/api/applications/" + UUID.randomUUID(), owner), 404, "NOT_FOUND");
        assertThat(waits()).isEqualTo(before);
        // theirs and fresh: waited for (in vain here)
        assertProblem(api.get("/api/applications/" + id, owner), 404, "NOT_FOUND");
        assertThat(waits()).isEqualTo(before + 1);
        jdbc.sql("delete from applicant_slot where application_id = :id").param("id", id).update();
    }

    private double waits() {
        return meters.get("gv.view.read-after-write.waits").counter().count();
    }
}
