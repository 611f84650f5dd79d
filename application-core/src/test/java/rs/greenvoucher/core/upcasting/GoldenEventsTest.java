package rs.greenvoucher.core.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.call.CallEvent;
import rs.greenvoucher.api.provider.ProviderEvent;
import rs.greenvoucher.platform.axon.AxonPostgresAutoConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden payloads: the stored JSON of every event type, in every revision ever stored (src/test/resources/golden-events,
 * frozen, never regenerated). Each must still be read by today's classes through today's upcasters without losing a
 * single value: a renamed or removed field fails here instead of silently dropping data from the event store.
 */
class GoldenEventsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden-events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer serializer = AxonPostgresAutoConfiguration.jacksonSerializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new ApplicationSubmittedV1ToV2(), new ApplicationSubmittedV2ToV3());

    @Test
    void everyEventTypeHasAGoldenPayloadOfItsCurrentRevision() {
        for (Class<?> type : leaves(List.of(ApplicationEvent.class, ProviderEvent.class, CallEvent.class))) {
            String revision = serializer.typeForClass(type).getRevision();
            Path file = GOLDEN.resolve(type.getSimpleName() + ".r" + (revision == null ? "1" : revision) + ".json");
            assertThat(file).as("a new event type or revision needs its golden payload").exists();
        }
    }

    @Test
    void everyGoldenPayloadIsReadWithoutLosingAValue() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(GOLDEN)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(16);
        for (Path file : files) {
            JsonNode golden = JSON.readTree(file.toFile());
            Object event = read(golden);
            JsonNode again = JSON.readTree(serializer.serialize(event, String.class).getData());
            assertContains(file.getFileName() + " ", golden.get("payload"), again, "");
        }
    }

    @Test
    void revisionOneOfApplicationSubmittedIsUpcastWithTheDefaultLanguage() throws IOException {
        JsonNode v1 = JSON.readTree(GOLDEN.resolve("ApplicationSubmitted.r1.json").toFile());
        ApplicationSubmitted event = (ApplicationSubmitted) read(v1);
        assertThat(event.applicantLanguage()).isEqualTo("sr");
        assertThat(event.form().enterprise().name()).isEqualTo(v1.get("payload").get("form").get("enterprise").get("name").asText());
    }

    @Test
    void revisionTwoKeepsTheApplicantsLanguage() throws IOException {
        ObjectNode v2 = (ObjectNode) JSON.readTree(GOLDEN.resolve("ApplicationSubmitted.r2.json").toFile());
        ((ObjectNode) v2.get("payload")).put("applicantLanguage", "en");
        assertThat(((ApplicationSubmitted) read(v2)).applicantLanguage()).isEqualTo("en");
    }

    @Test
    void revisionTwoIsUpcastWithoutAVerifiedEmail() throws IOException {
        JsonNode v2 = JSON.readTree(GOLDEN.resolve("ApplicationSubmitted.r2.json").toFile());
        ApplicationSubmitted event = (ApplicationSubmitted) read(v2);
        assertThat(event.applicantEmail()).isNull();
        assertThat(event.applicantLanguage()).isEqualTo(v2.get("payload").get("applicantLanguage").asText());
    }

    private Object read(JsonNode golden) {
        String revision = golden.get("revision").isNull() ? null : golden.get("revision").asText();
        byte[] payload = golden.get("payload").toString().getBytes(StandardCharsets.UTF_8);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("VoucherApplication", "a1", 0,
                "e1", "2026-11-22T10:00:00Z", golden.get("type").asText(), revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> messages = EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcasters).asStream().toList();
        assertThat(messages).hasSize(1);
        return messages.get(0).getPayload();
    }

    /** Every value of the golden payload is in the re-serialized event, at the same path (extra fields are fine). */
    private static void assertContains(String file, JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                assertThat(actual.has(f.getKey())).as(file + "lost " + path + "." + f.getKey()).isTrue();
                assertContains(file, f.getValue(), actual.get(f.getKey()), path + "." + f.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(file + path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(file, expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertThat(actual.decimalValue()).as(file + path).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(file + path).isEqualTo(expected);
        }
    }

    private static List<Class<?>> leaves(List<Class<?>> roots) {
        List<Class<?>> leaves = new ArrayList<>();
        for (Class<?> root : roots) {
            if (root.isSealed()) {
                leaves.addAll(leaves(Arrays.asList(root.getPermittedSubclasses())));
            } else {
                leaves.add(root);
            }
        }
        return leaves;
    }
}
