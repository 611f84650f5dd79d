package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import rs.greenvoucher.infra.AccountMailbox;
import rs.greenvoucher.infra.HttpApi.Response;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static rs.greenvoucher.core.CoreIntegrationTest.assertProblem;

/** The real limits, made small: sign-ups per address, and the lock after repeated wrong passwords. */
// its own limits make it a context of its own; closed after the class, so that no other instance of core is
// running when the shared context's tests (a rebuild) need to be the only one
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gv.bootstrap-admin.username=admin", "gv.bootstrap-admin.password=admin-password-for-tests",
                CoreIntegrationTest.UNTHROTTLED_ANONYMOUS, CoreIntegrationTest.UNTHROTTLED_SIGN_IN,
                "gv.throttle.sign-up-per-address=3/PT1H", "gv.throttle.sign-in-failures-per-account=3/PT4S!"})
class ThrottlingIT extends CoreIntegrationTest {

    private String staff(String username) {
        Response r = api.post("/api/accounts/staff", admin(), """
                {"username":"%s","password":"evaluator-password-1","fullName":"Jelena Đorđević","role":"EVALUATOR",
                 "email":"%s@greenvoucher.rs"}""".formatted(username, username));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private Response signIn(String username, String password) {
        return api.post("/api/auth/token", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
    }

    @Test
    void signUpsFromOneAddressAreThrottledWith429AndRetryAfter() {
        int created = 0;
        Response r;
        do {
            r = api.post("/api/accounts/applicants", null, """
                    {"email":"a-%s@example.rs","password":"correct horse battery","fullName":"Ana","preferredLanguage":"sr"}"""
                    .formatted(UUID.randomUUID()));
            if (r.status() == 201) {
                created++;
            }
        } while (r.status() == 201 && created <= 3);
        assertThat(created).isEqualTo(3);
        assertProblem(r, 429, "TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountTellTheOwnerAndTheLockRunsOut() {
        String username = "jelena-" + UUID.randomUUID().toString().substring(0, 8);
        String accountId = staff(username);
        for (int i = 0; i < 3; i++) {
            assertProblem(signIn(username, "wrong password " + i), 401, "UNAUTHENTICATED");
        }
        // locked: even the right password is refused, before it is checked
        Response locked = signIn(username, "evaluator-password-1");
        assertProblem(locked, 429, "ACCOUNT_LOCKED");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(AccountMailbox.get().await("AccountLocked", accountId, Duration.ofSeconds(30)).get("email").asString())
                .isEqualTo(username + "@greenvoucher.rs");
        // and unlocked when the period is over
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> signIn(username, "evaluator-password-1").status() == 200);
    }

    @Test
    void anAdminLiftsALock() {
        String username = "marko-" + UUID.randomUUID().toString().substring(0, 8);
        String accountId = staff(username);
        for (int i = 0; i < 3; i++) {
            signIn(username, "wrong password " + i);
        }
        assertProblem(signIn(username, "evaluator-password-1"), 429, "ACCOUNT_LOCKED");
        assertThat(api.post("/api/accounts/" + accountId + "/unlock", admin(), "").status()).isEqualTo(200);
        assertThat(signIn(username, "evaluator-password-1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownNameIsLockedLikeAKnownOneSoLocksTellNothing() {
        String nobody = "nobody-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertProblem(signIn(nobody, "wrong password " + i), 401, "UNAUTHENTICATED");
        }
        assertProblem(signIn(nobody, "wrong password"), 429, "ACCOUNT_LOCKED");
    }
}
