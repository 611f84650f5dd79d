package rs.greenvoucher.notification.mail;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** After a database outage no sender is taken for dead by a silence the outage caused (ClusterFaultsIT saw a mail twice). */
class MailSendersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void rightAfterThisInstanceCouldNotSpeakNobodyIsJudgedBySilence() {
        assertThat(MailSenders.othersMayBeJudged(NOW.minusSeconds(3), NOW)).isFalse();
    }

    @Test
    void onceEveryoneHasHadTheSilenceToSpeakAgainTheSilentAreTakenForDead() {
        assertThat(MailSenders.othersMayBeJudged(NOW.minus(MailSenders.SILENCE), NOW)).isTrue();
        assertThat(MailSenders.othersMayBeJudged(Instant.EPOCH, NOW)).isTrue();
    }
}
