package rs.greenvoucher.core.applicant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import rs.greenvoucher.platform.web.ApiException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubmissionTurnsTest {

    @Test
    void aSubmissionThatFindsEveryTurnTakenWaitsAndIsThenAnsweredUnavailableWithRetryAfter() throws Exception {
        SubmissionTurns turns = new SubmissionTurns(1, Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> turns.inTurn(() -> {
            inside.countDown();
            await(leave);
            return "first";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        ApiException refused = catchThrowableOfType(ApiException.class, () -> turns.inTurn(() -> "second"));
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.code()).isEqualTo("UNAVAILABLE");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));

        leave.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(turns.inTurn(() -> "third")).isEqualTo("third");
    }

    @Test
    void aSubmissionWaitingForATurnGetsItWhenOneEnds() throws Exception {
        SubmissionTurns turns = new SubmissionTurns(1, Duration.ofSeconds(30));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> turns.inTurn(() -> {
            inside.countDown();
            await(leave);
            return "first";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> turns.inTurn(() -> "second"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> turns.waiting() == 1);
        assertThat(second).isNotDone();

        leave.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void aFailedSubmissionGivesItsTurnBack() {
        SubmissionTurns turns = new SubmissionTurns(1, Duration.ZERO);
        assertThatThrownBy(() -> turns.inTurn(() -> {
            throw new IllegalStateException("refused by a rule");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(turns.inTurn(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
