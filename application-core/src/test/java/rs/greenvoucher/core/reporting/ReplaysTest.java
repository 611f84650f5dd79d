package rs.greenvoucher.core.reporting;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One replay at a time: a second one asked for meanwhile is refused at once, and the next after it runs. */
class ReplaysTest {

    private final Replays replays = new Replays();

    @Test
    void aReplayAskedForWhileAnotherRunsIsRefusedAtOnceWithWhenToTryAgain() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> replays.oneAtATime(() -> {
            running.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> replays.oneAtATime(() -> "second"))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.code()).isEqualTo(RefusalCode.TOO_MANY_REQUESTS);
                    assertThat(e.retryAfter()).isEqualTo(Replays.TRY_AGAIN_AFTER);
                });

        finish.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(replays.oneAtATime(() -> "third")).isEqualTo("third");
    }

    @Test
    void aReplayThatFailsLetsTheNextOneRun() {
        assertThatThrownBy(() -> replays.oneAtATime(() -> {
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(replays.oneAtATime(() -> "next")).isEqualTo("next");
    }
}
