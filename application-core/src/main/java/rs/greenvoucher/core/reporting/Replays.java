package rs.greenvoucher.core.reporting;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The replays a manager can ask for (the report as of an instant, the what-if) read the call's or the whole log: about
 * a second of a core at 100,000 events, more as the log grows (docs/performance.md). One at a time per instance, so
 * that a few impatient clicks cannot take both cores from submissions and the processors; one asked for meanwhile is
 * refused at once (429 with Retry-After), not queued behind it.
 */
@Component
class Replays {

    static final Duration TRY_AGAIN_AFTER = Duration.ofSeconds(5);

    private final Semaphore one = new Semaphore(1);

    <T> T oneAtATime(Supplier<T> replay) {
        if (!one.tryAcquire()) {
            throw Refusal.tooManyRequests(RefusalCode.TOO_MANY_REQUESTS,
                    "Another report is being replayed from the events right now; try again in a few seconds.", TRY_AGAIN_AFTER);
        }
        try {
            return replay.get();
        } finally {
            one.release();
        }
    }
}
