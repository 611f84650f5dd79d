package rs.greenvoucher.core.voucher.submit;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

class SubmissionTurnsTest {

    @Test
    void aSubmissionThatFindsEveryTurnTakenWaitsAndIsThenAnsweredUnavailableWithRetryAfter() throws Exception {
        SubmissionTurns turns = new SubmissionTurns(1, Duration.ofMillis(200));
        Held first = Held.inTurn(turns);

        Refusal refused = catchThrowableOfType(Refusal.class, () -> turns.inTurn(() -> "second"));
        assertThat(refused.code()).isEqualTo(RefusalCode.UNAVAILABLE);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));

        assertThat(first.end()).isEqualTo("held");
        assertThat(turns.inTurn(() -> "third")).isEqualTo("third");
    }

    @Test
    void aSubmissionWaitingForATurnGetsItWhenOneEnds() throws Exception {
        SubmissionTurns turns = new SubmissionTurns(1, Duration.ofSeconds(30));
        Held first = Held.inTurn(turns);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> turns.inTurn(() -> "second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> turns.waiting() == 1);
        assertThat(second).isNotDone();

        assertThat(first.end()).isEqualTo("held");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void aFailedSubmissionGivesItsTurnBack() {
        SubmissionTurns turns = new SubmissionTurns(1, Duration.ZERO);
        assertThatThrownBy(() -> turns.inTurn(() -> {
            throw new IllegalStateException("refused by a rule");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(turns.inTurn(() -> "next")).isEqualTo("next");
    }

    /** A submission on another thread that holds its turn until {@link #end()}. */
    private record Held(CompletableFuture<String> submission, CountDownLatch leave) {

        static Held inTurn(SubmissionTurns turns) throws InterruptedException {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch leave = new CountDownLatch(1);
            CompletableFuture<String> submission = CompletableFuture.supplyAsync(() -> turns.inTurn(() -> {
                inside.countDown();
                try {
                    assertThat(leave.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "held";
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            return new Held(submission, leave);
        }

        String end() throws Exception {
            leave.countDown();
            return submission.get(10, TimeUnit.SECONDS);
        }
    }
}
