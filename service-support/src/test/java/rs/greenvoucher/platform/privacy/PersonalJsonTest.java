package rs.greenvoucher.platform.privacy;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.privacy.SealedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "8d3c9f0e-7a51-4a8e-9f55-0a4b1c2d3e4f";
    private final byte[] key = SealedText.newKey();

    private static JsonNode submitted() {
        return JSON.readTree("""
                {"applicationId":"%s","applicantId":"acc-1","applicantEmail":"zorana@eko.rs","trackingCode":"GIV-2026-000001",
                 "form":{"enterprise":{"name":"Eko Zorana","address":"Bulevar 1, Novi Sad","contactName":"Zorana Ilić",
                                       "contactEmail":"zorana@eko.rs","mb":"12345678"},
                         "project":{"title":"Reciklaža","description":"Linija za PET","services":[
                              {"type":"TESTING","description":"Ispitivanje","justification":null,"costEur":1000},
                              {"type":"OTHER","description":"Sertifikacija","justification":"Zorana zna"}]}}}""".formatted(ID));
    }

    @Test
    void every_personal_field_is_sealed_and_nothing_else() {
        JsonNode payload = submitted();

        PersonalJson.seal(payload, "ApplicationSubmitted", subject -> key);

        String text = payload.toString();
        for (String clear : new String[]{"Eko Zorana", "Bulevar", "Zorana Ilić", "zorana@eko.rs", "Reciklaža", "Linija",
                "Ispitivanje", "Sertifikacija", "Zorana zna"}) {
            assertThat(text).doesNotContain(clear);
        }
        assertThat(payload.at("/form/enterprise/mb").asString()).isEqualTo("12345678");
        assertThat(payload.at("/trackingCode").asString()).isEqualTo("GIV-2026-000001");
        assertThat(payload.at("/form/project/services/0/justification").isNull()).isTrue();
        assertThat(payload.at("/form/project/services/0/costEur").asInt()).isEqualTo(1000);
    }

    @Test
    void sealed_fields_open_to_what_they_were() {
        JsonNode payload = submitted();
        PersonalJson.seal(payload, "ApplicationSubmitted", subject -> key);

        PersonalJson.open(payload, "ApplicationSubmitted", subject -> key);

        assertThat(payload).isEqualTo(submitted());
    }

    @Test
    void without_the_key_every_sealed_field_reads_as_erased() {
        JsonNode payload = submitted();
        PersonalJson.seal(payload, "ApplicationSubmitted", subject -> key);

        PersonalJson.open(payload, "ApplicationSubmitted", subject -> null);

        assertThat(payload.at("/form/enterprise/contactName").asString()).isEqualTo(SealedText.ERASED);
        assertThat(payload.at("/form/project/services/1/justification").asString()).isEqualTo(SealedText.ERASED);
        assertThat(payload.at("/applicantEmail").asString()).isEqualTo(SealedText.ERASED);
    }

    @Test
    void lists_of_texts_are_sealed_element_by_element() {
        JsonNode payload = JSON.readTree("""
                {"applicationId":"%s","report":{"summary":"Done by Zorana","deliverables":["Prototip Zorana","Izveštaj"]}}"""
                .formatted(ID));

        PersonalJson.seal(payload, "CompletionReported", subject -> key);

        assertThat(payload.at("/report/deliverables/0").asString()).startsWith(SealedText.PREFIX);
        assertThat(payload.toString()).doesNotContain("Zorana").doesNotContain("Izveštaj");
    }

    @Test
    void every_other_value_is_written_back_exactly_as_it_was() {
        String before = """
                {"applicationId":"%s","applicantId":"a","form":{"enterprise":{"name":"N","annualTurnoverEur":3100000.00,                "employees":42},"project":{"requestedVoucherEur":10800.00,"services":[{"costEur":12000.0,"description":"d"}],                "environmentalIndicators":[{"baseline":120,"target":0.125}]}},"applicantEmail":null}""".formatted(ID).replaceAll(" {2,}", "");
        JsonNode payload = PersonalJson.EXACT.readTree(before);
        PersonalJson.seal(payload, "ApplicationSubmitted", subject -> key);
        JsonNode again = PersonalJson.EXACT.readTree(PersonalJson.EXACT.writeValueAsString(payload));
        PersonalJson.open(again, "ApplicationSubmitted", subject -> key);

        assertThat(PersonalJson.EXACT.writeValueAsString(again)).isEqualTo(before);
    }

    @Test
    void a_clear_payload_opens_as_it_is_without_a_key_or_even_an_application_id() {
        JsonNode payload = JSON.readTree("{\"reason\":\"moved\"}");

        PersonalJson.open(payload, "ApplicationWithdrawn", subject -> {
            throw new AssertionError("no key is needed");
        });

        assertThat(payload.at("/reason").asString()).isEqualTo("moved");
    }

    @Test
    void a_type_without_personal_data_is_left_alone() {
        JsonNode payload = JSON.readTree("{\"applicationId\":\"%s\",\"reason\":\"budget\"}".formatted(ID));

        PersonalJson.seal(payload, "ApplicationRejected", subject -> key);

        assertThat(payload.at("/reason").asString()).isEqualTo("budget");
    }
}
