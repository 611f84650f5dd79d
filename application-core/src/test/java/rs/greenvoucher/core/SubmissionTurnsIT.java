package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The submissions' bulkhead (SubmissionTurns: a few at once, ten seconds' wait) with real concurrent requests. */
class SubmissionTurnsIT extends CoreIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Value("${gv.submissions.at-once}")
    int atOnce;

    /**
     * As many submissions as there are turns are held inside their transactions by a lock this test takes on the
     * applicants' slots: one more waits its ten seconds and is answered 503 with Retry-After and nothing written, a read
     * is answered meanwhile, and the held ones are stored once the lock goes; then the refused one gets through.
     */
    @Test
    void withEveryTurnTakenASubmissionIsAnsweredUnavailableWhileReadsAreStillAnswered() throws Exception {
        String reader = api.newApplicant("sr");
        String readable = api.post("/api/applications", reader, TestData.application(TestData.mb())).json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/applications/" + readable, reader).status() == 200);
        List<String> applicants = new ArrayList<>();
        for (int i = 0; i <= atOnce; i++) {
            applicants.add(api.newApplicant("sr"));
        }
        List<CompletableFuture<Response>> held = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table applicant_slot in access exclusive mode");
            for (int i = 0; i < atOnce; i++) {
                String applicant = applicants.get(i);
                held.add(CompletableFuture.supplyAsync(() -> api.post("/api/applications", applicant,
                        TestData.application(TestData.mb()))));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like '%applicant_slot%'""").query(Long.class).single() == atOnce);
            long events = eventCount();

            Response oneMore = api.post("/api/applications", applicants.get(atOnce), TestData.application(TestData.mb()));
            assertProblem(oneMore, 503, "UNAVAILABLE");
            assertThat(oneMore.headers().firstValue("Retry-After")).contains("5");
            assertThat(api.get("/api/applications/" + readable, reader).status()).isEqualTo(200);
            assertThat(eventCount()).as("the refused submission wrote nothing").isEqualTo(events);
            assertThat(held).noneMatch(CompletableFuture::isDone);
            lock.rollback();
        }
        for (CompletableFuture<Response> submission : held) {
            Response stored = submission.get(60, TimeUnit.SECONDS);
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        }
        assertThat(api.post("/api/applications", applicants.get(atOnce), TestData.application(TestData.mb())).status()).isEqualTo(201);
    }
}
