package rs.greenvoucher.web.track;

import rs.greenvoucher.api.SchemeRules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** A moment as people pick it on a page (a date and time in Serbia, from a datetime-local field) and as the API takes it. */
public final class AsOf {

    private AsOf() {
    }

    /** The picked moment, or null when none (or nothing readable) was picked. */
    public static LocalDateTime parse(String value) {
        if (value == null || value.isBlank() || value.length() > 30) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The instant of a moment in Serbia: the end of the picked minute (its last nanosecond, not only its last second),
     * so that everything that happened in it is included.
     */
    public static Instant instant(LocalDateTime inSerbia) {
        return inSerbia.withSecond(59).withNano(999_999_999).atZone(SchemeRules.ZONE).toInstant();
    }

    /** An instant as a datetime-local field shows it, in Serbia. */
    public static String field(Object instant) {
        Instant at = instant instanceof Instant i ? i : Instant.parse(String.valueOf(instant));
        return LocalDateTime.ofInstant(at, SchemeRules.ZONE).withSecond(0).withNano(0).toString();
    }
}
