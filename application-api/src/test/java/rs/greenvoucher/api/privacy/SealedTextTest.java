package rs.greenvoucher.api.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedTextTest {

    private final byte[] key = SealedText.newKey();

    @Test
    void a_sealed_text_opens_with_its_key_and_shows_nothing_of_the_text() {
        String sealed = SealedText.seal(key, "app-1", "Zorana Đorđević");

        assertThat(sealed).startsWith(SealedText.PREFIX).doesNotContain("Zorana");
        assertThat(SealedText.open(key, "app-1", sealed)).isEqualTo("Zorana Đorđević");
    }

    @Test
    void the_same_text_seals_differently_each_time() {
        assertThat(SealedText.seal(key, "app-1", "same")).isNotEqualTo(SealedText.seal(key, "app-1", "same"));
    }

    @Test
    void without_the_key_a_sealed_text_reads_as_erased() {
        assertThat(SealedText.open(null, "app-1", SealedText.seal(key, "app-1", "text"))).isEqualTo(SealedText.ERASED);
    }

    @Test
    void a_text_moved_to_another_application_does_not_open() {
        String sealed = SealedText.seal(key, "app-1", "text");

        assertThatThrownBy(() -> SealedText.open(key, "app-2", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clear_null_and_erased_texts_pass_through_both_ways() {
        assertThat(SealedText.open(key, "app-1", "clear")).isEqualTo("clear");
        assertThat(SealedText.seal(key, "app-1", null)).isNull();
        assertThat(SealedText.seal(key, "app-1", SealedText.ERASED)).isEqualTo(SealedText.ERASED);
        String once = SealedText.seal(key, "app-1", "x");
        assertThat(SealedText.seal(key, "app-1", once)).isEqualTo(once);
    }
}
