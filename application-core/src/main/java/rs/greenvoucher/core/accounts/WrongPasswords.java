package rs.greenvoucher.core.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.throttling.Throttle;

import java.time.Duration;
import java.util.Locale;

/** Wrong passwords counted per username: too many lock signing in to the account for a while (429 ACCOUNT_LOCKED). */
@Component
class WrongPasswords {

    private final Throttle throttle;
    private final Throttle.Limit perAccount;

    WrongPasswords(Throttle throttle, @Value("${gv.throttle.sign-in-failures-per-account:10/PT15M!}") String perAccount) {
        this.throttle = throttle;
        this.perAccount = Throttle.Limit.parse(perAccount);
    }

    /** Refused before any hashing while the account is locked, with how long it still is. */
    void refuseWhileLocked(String username) {
        throttle.blockedFor(key(username), perAccount).ifPresent(wait -> {
            throw locked(wait);
        });
    }

    /** One more; {@code emptied()} says this one locked the account. */
    Throttle.Taken count(String username) {
        return throttle.take(key(username), perAccount);
    }

    /** The count starts again (an unlock, an erasure). */
    void forget(String username) {
        throttle.reset(key(username), perAccount);
    }

    private static String key(String username) {
        return "sign-in-failures:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static Refusal locked(Duration wait) {
        return Refusal.tooManyRequests(RefusalCode.ACCOUNT_LOCKED, "Too many wrong passwords: sign-in to this account is locked for "
                + Math.max(1, (wait.toSeconds() + 59) / 60) + " minute(s). The owner has been told by e-mail.", wait);
    }
}
