package rs.greenvoucher.core.privacy;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.privacy.PersonalData;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.core.publishing.ApplicationMessageContractTest;
import rs.greenvoucher.platform.axon.AxonPostgresAutoConfiguration;
import rs.greenvoucher.platform.axon.SealingSerializer;
import rs.greenvoucher.platform.privacy.PersonalKeys;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's serializer reads a sealed event straight into its record (docs/adr/0016): every event type, with or
 * without personal fields, reads back equal to what was written, and to what Axon's own Jackson reads from the
 * same JSON in the clear.
 */
class SealingSerializerTest {

    private final Map<String, byte[]> keys = new HashMap<>();
    private final Serializer plain = AxonPostgresAutoConfiguration.jacksonSerializer();
    private final Serializer sealing = new SealingSerializer(plain, new PersonalKeys() {
        @Override
        public byte[] keyFor(String subject, String applicantId) {
            return keys.computeIfAbsent(subject, s -> SealedText.newKey());
        }

        @Override
        public byte[] find(String subject) {
            return keys.get(subject);
        }
    });

    static List<String> examples() {
        return ApplicationMessageContractTest.EVENTS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyEventReadsBackAsItWasWrittenAndAsAxonsJacksonReadsIt(String name) {
        ApplicationEvent event = ApplicationMessageContractTest.EVENTS.get(name);
        SerializedObject<byte[]> stored = sealing.serialize(event, byte[].class);

        Object read = sealing.deserialize(stored);

        assertThat(read).isEqualTo(event);
        assertThat(read).isEqualTo(plain.deserialize(plain.serialize(event, byte[].class)));
    }

    @Test
    void personalFieldsAreSealedInTheStoredJson() {
        ApplicationEvent.ApplicationSubmitted submitted =
                (ApplicationEvent.ApplicationSubmitted) ApplicationMessageContractTest.EVENTS.get("01-submitted");
        String stored = new String(sealing.serialize(submitted, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(PersonalData.hasPersonalData("ApplicationSubmitted")).isTrue();
        assertThat(stored).contains(SealedText.PREFIX).doesNotContain(submitted.form().enterprise().name())
                .doesNotContain(submitted.applicantEmail()).contains(submitted.trackingCode());
    }

    @Test
    void withItsKeyDeletedAnEventReadsWithItsPersonalFieldsErased() {
        ApplicationEvent.ApplicationWithdrawn withdrawn =
                (ApplicationEvent.ApplicationWithdrawn) ApplicationMessageContractTest.EVENTS.get("09-withdrawn");
        SerializedObject<byte[]> stored = sealing.serialize(withdrawn, byte[].class);
        keys.clear();

        ApplicationEvent.ApplicationWithdrawn read = sealing.deserialize(stored);

        assertThat(read.reason()).isEqualTo(SealedText.ERASED);
        assertThat(read.applicationId()).isEqualTo(withdrawn.applicationId());
    }

    @Test
    void aReadThatNeedsNoPersonalFieldLeavesThemSealedAndOnlyThatRead() {
        ApplicationEvent.ApplicationSubmitted submitted =
                (ApplicationEvent.ApplicationSubmitted) ApplicationMessageContractTest.EVENTS.get("01-submitted");
        SerializedObject<byte[]> stored = sealing.serialize(submitted, byte[].class);

        ApplicationEvent.ApplicationSubmitted sealed = SealingSerializer.withPersonalFieldsSealed(() -> sealing.deserialize(stored));

        assertThat(sealed.form().enterprise().name()).startsWith(SealedText.PREFIX);
        assertThat(sealed.form().enterprise().region()).isEqualTo(submitted.form().enterprise().region());
        assertThat(sealed.form().project().requestedVoucherEur()).isEqualTo(submitted.form().project().requestedVoucherEur());
        assertThat((Object) sealing.deserialize(stored)).as("the next read opens them again").isEqualTo(submitted);
    }

    @Test
    void anEventStoredBeforeSealingReadsInTheClear() {
        ApplicationEvent.CompletionReported reported =
                (ApplicationEvent.CompletionReported) ApplicationMessageContractTest.EVENTS.get("05-completion-reported");
        SerializedObject<byte[]> clear = plain.serialize(reported, byte[].class);

        Object read = sealing.deserialize(new SimpleSerializedObject<>(clear.getData(), byte[].class, clear.getType()));

        assertThat(read).isEqualTo(reported);
    }
}
