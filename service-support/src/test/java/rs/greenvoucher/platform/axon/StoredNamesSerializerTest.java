package rs.greenvoucher.platform.axon;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.DecisionEvent;
import rs.greenvoucher.api.value.ApplicationStatus;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A decision event is stored, and read back, under the name it had when it was nested in ApplicationEvent. */
class StoredNamesSerializerTest {

    private final Serializer serializer = AxonPostgresAutoConfiguration.jacksonSerializer();
    private final DecisionEvent.DecisionRefused refused = new DecisionEvent.DecisionRefused(UUID.randomUUID(), UUID.randomUUID(),
            "L4", "the call's budget is spent", ApplicationStatus.PROVIDER_MATCHED, Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void aMovedEventIsWrittenUnderItsStoredName() {
        SerializedObject<byte[]> stored = serializer.serialize(refused, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("rs.greenvoucher.api.application.ApplicationEvent$DecisionRefused");
        assertThat(serializer.typeForClass(DecisionEvent.DecisionRefused.class).getName())
                .isEqualTo("rs.greenvoucher.api.application.ApplicationEvent$DecisionRefused");
    }

    @Test
    void itsStoredNameReadsAsItsClassAndItsValues() {
        SerializedObject<byte[]> stored = serializer.serialize(refused, byte[].class);

        assertThat(serializer.classForType(new SimpleSerializedType(stored.getType().getName(), null)))
                .isEqualTo(DecisionEvent.DecisionRefused.class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(refused);
    }

    @Test
    void anEventThatDidNotMoveKeepsItsClassName() {
        assertThat(serializer.typeForClass(ApplicationEvent.ApplicationWithdrawn.class).getName())
                .isEqualTo(ApplicationEvent.ApplicationWithdrawn.class.getName());
    }
}
