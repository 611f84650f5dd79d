package rs.greenvoucher.platform.web.input;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.platform.refusal.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBodyGuardTest {

    private static List<Refusal.Field> check(String json) {
        return JsonBodyCheck.check(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String only(String json) {
        List<Refusal.Field> errors = check(json);
        assertThat(errors).hasSize(1);
        return errors.get(0).field() + ": " + errors.get(0).message();
    }

    @Test
    void aNulCharacterIsRefusedWithTheFieldsPath() {
        assertThat(only("{\"project\":{\"title\":\"x\\u0000y\"}}")).startsWith("project.title: contains a control character (U+0000)");
    }

    @Test
    void otherControlCharactersAreRefused() {
        assertThat(only("{\"name\":\"a\\u001bb\"}")).startsWith("name: contains a control character (U+001B)");
        assertThat(only("{\"name\":\"a\\u0085b\"}")).startsWith("name: contains a control character (U+0085)");
    }

    @Test
    void aLoneSurrogateIsRefused() {
        assertThat(only("{\"project\":{\"services\":[{\"description\":\"a\\ud800b\"}]}}"))
                .startsWith("project.services[0].description: contains an invalid character (a lone surrogate)");
        assertThat(only("{\"name\":\"\\udc00\"}")).startsWith("name: contains an invalid character");
    }

    @Test
    void aSurrogatePairCyrillicAndDiacriticsPass() {
        assertThat(check("{\"name\":\"Еко Пласт — Ćevapi \\ud83c\\udf31 🌱 č ć ž š đ\"}")).isEmpty();
    }

    @Test
    void lineBreaksAndTabsPassOnlyInTextAreas() {
        assertThat(check("{\"project\":{\"description\":\"one\\r\\ntwo\\tthree\"}}")).isEmpty();
        assertThat(check("{\"note\":\"a\\nb\"}")).isEmpty();
        assertThat(only("{\"project\":{\"title\":\"one\\ntwo\"}}")).startsWith("project.title: contains a control character (U+000A)");
    }

    @Test
    void numbersBeyondTheColumnsAreRefused() {
        assertThat(only("{\"project\":{\"environmentalIndicators\":[{\"baseline\":1e15}]}}"))
                .isEqualTo("project.environmentalIndicators[0].baseline: must be less than 1,000,000,000,000 in magnitude");
        assertThat(only("{\"x\":-1000000000000}")).startsWith("x: must be less than");
        assertThat(only("{\"x\":1e-300}")).isEqualTo("x: at most 4 decimal places");
        assertThat(only("{\"x\":1" + "0".repeat(60) + "}")).isEqualTo("x: is not a number this system can hold");
        assertThat(check("{\"a\":999999999999.9999,\"b\":0.0001,\"c\":12.50,\"d\":0,\"e\":1.0e3}")).isEmpty();
    }

    @Test
    void longListsAndNullItemsAreRefused() {
        String fifty = "[" + "\"a\",".repeat(49) + "\"a\"]";
        String fiftyOne = "[" + "\"a\",".repeat(50) + "\"a\"]";
        assertThat(check("{\"checks\":" + fifty + "}")).isEmpty();
        assertThat(only("{\"checks\":" + fiftyOne + "}")).isEqualTo("checks[50]: at most 50 items");
        assertThat(only("{\"providerCodes\":[null]}")).isEqualTo("providerCodes[0]: must not be null");
    }

    @Test
    void deepNestingIsRefused() {
        assertThat(only("[[[[[[[[[[1]]]]]]]]]]")).endsWith("is nested too deeply");
    }

    @Test
    void hostileFieldNamesAreRefused() {
        assertThat(only("{\"a\\u0000\":1}")).endsWith("is not an acceptable field name");
    }

    @Test
    void whatIsNotJsonIsLeftToTheConverter() {
        assertThat(check("{\"a\":")).isEmpty();
        assertThat(check("not json")).isEmpty();
    }
}
