package rs.greenvoucher.web.track;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A minute picked on a page stands for all of that minute, in Serbia. */
class AsOfTest {

    /** The audit links each step to its minute: a step in that minute's last second is still in it. */
    @Test
    void whatHappenedInThePickedMinutesLastSecondIsIncluded() {
        Instant submitted = Instant.parse("2026-11-24T19:49:59.512Z"); // 20:49:59.512 in Belgrade
        LocalDateTime picked = AsOf.parse(AsOf.field(submitted));

        assertThat(picked).isEqualTo(LocalDateTime.parse("2026-11-24T20:49"));
        assertThat(AsOf.instant(picked)).isAfterOrEqualTo(submitted).isBefore(Instant.parse("2026-11-24T19:50:00Z"));
    }

    @Test
    void summerTimeIsBelgradesToo() {
        assertThat(AsOf.instant(LocalDateTime.parse("2026-07-01T12:00"))).isEqualTo(Instant.parse("2026-07-01T10:00:59.999999999Z"));
    }

    @Test
    void nothingReadableIsNoMoment() {
        assertThat(AsOf.parse("yesterday")).isNull();
        assertThat(AsOf.parse(" ")).isNull();
        assertThat(AsOf.parse("2026-11-24T20:49:00" + "0".repeat(30))).isNull();
    }
}
