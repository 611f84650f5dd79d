package rs.greenvoucher.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The scheme's constants, in one place for every service (reference/scheme-rules.md). Money limits are parameters
 * of each call (CallParameters), not constants.
 */
public final class SchemeRules {

    /** L2: at most this many providers per project. */
    public static final int MAX_PROVIDERS = 3;

    /** The scheme runs in Serbia: "today", deadlines and weeks are Belgrade's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Belgrade");

    private SchemeRules() {
    }

    /** L2 */
    public static boolean tooManyProviders(int count) {
        return count > MAX_PROVIDERS;
    }

    /** The scheme's date of an instant. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
