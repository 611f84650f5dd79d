package rs.greenvoucher.core.voucher.submit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bulkhead: at most {@code gv.submissions.at-once} submissions (8 by default) run at once in this instance; the
 * others wait for their turn, in the order they came, and one that has waited {@code gv.submissions.wait} (10 s) is
 * answered 503 UNAVAILABLE with Retry-After, nothing changed. A submission is CPU work here and in PostgreSQL (the
 * token, the JSON, sealing, the limits, Axon's append). When a surge ran every submission at once, every read (an
 * applicant's GET, an evaluator's page) waited behind all of them for a core and a connection. Waiting here costs
 * neither, and the submissions still go through as fast as the cores allow (docs/performance.md, fifth round).
 */
@Component
public class SubmissionTurns {

    static final Duration TRY_AGAIN_AFTER = Duration.ofSeconds(5);

    private final Semaphore turns;
    private final Duration wait;

    SubmissionTurns(@Value("${gv.submissions.at-once:8}") int atOnce, @Value("${gv.submissions.wait:PT10S}") Duration wait) {
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
    }

    public <T> T inTurn(Supplier<T> submission) {
        boolean mine;
        try {
            mine = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine = false;
        }
        if (!mine) {
            throw Refusal.unavailable("Many applications are being submitted right now; yours was not. "
                    + "Try again in a few seconds.", TRY_AGAIN_AFTER);
        }
        try {
            return submission.get();
        } finally {
            turns.release();
        }
    }

    /** Submissions waiting for their turn now. */
    public int waiting() {
        return turns.getQueueLength();
    }
}
