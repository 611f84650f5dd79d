package rs.greenvoucher.web.apply;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.web.portal.FormPaths;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A draft as typed becomes the API's form; text that is not a value of its kind is named by the API's field path. */
class ApiFormTest {

    @Test
    void typedTextBecomesTypedValues() {
        Map<String, Object> draft = new LinkedHashMap<>();
        FormPaths.set(draft, "enterprise.mb", "87654321");
        FormPaths.set(draft, "enterprise.region", "SUMADIJA_AND_WESTERN_SERBIA");
        FormPaths.set(draft, "enterprise.employees", "42");
        FormPaths.set(draft, "project.services[0].costEur", "12000");
        FormPaths.set(draft, "project.requestedVoucherEur", "10800");
        FormPaths.set(draft, "declarations.noAffiliation", "true");
        FormPaths.set(draft, "providerCodes[0]", "12");
        FormPaths.set(draft, "providerCodes[1]", "");
        FormPaths.set(draft, "providerCodes[2]", "12");

        ApiForm.Result result = ApiForm.from(draft);

        Map<?, ?> enterprise = (Map<?, ?>) result.form().get("enterprise");
        assertThat(enterprise.get("region")).isEqualTo("Šumadija and Western Serbia");
        assertThat(enterprise.get("employees")).isEqualTo(42);
        assertThat(FormPaths.get(result.form(), "project.services[0].costEur")).isEqualTo(new BigDecimal("12000.00"));
        assertThat(result.form().get("providerCodes")).isEqualTo(List.of("12"));
        assertThat(FormPaths.get(result.form(), "declarations.noAffiliation")).isEqualTo(true);
        assertThat(FormPaths.get(result.form(), "declarations.canCoFinance")).isEqualTo(false);
    }

    @Test
    void wrongTextIsNamedByTheApisFieldAndStep() {
        Map<String, Object> draft = new LinkedHashMap<>();
        FormPaths.set(draft, "enterprise.mb", "12345");
        FormPaths.set(draft, "enterprise.registeredOn", "yesterday");
        FormPaths.set(draft, "project.services[0].costEur", "a lot");

        Map<String, String> errors = ApiForm.from(draft).errors();

        assertThat(errors).containsEntry("enterprise.mb", "error.mb").containsEntry("enterprise.registeredOn", "error.date")
                .containsEntry("project.services[0].costEur", "error.number");
        assertThat(ApiForm.errorsOf(draft, 3)).containsOnlyKeys("project.services[0].costEur");
        assertThat(Steps.stepOf("project.services[0].costEur")).isEqualTo(3);
        assertThat(Steps.stepOf("project.title")).isEqualTo(2);
    }

    @Test
    void blankRowsAreNoRows() {
        Map<String, Object> draft = new LinkedHashMap<>();
        FormPaths.set(draft, "project.environmentalIndicators[0].indicator", "");
        FormPaths.set(draft, "project.environmentalIndicators[0].unit", " ");

        assertThat((List<?>) FormPaths.get(ApiForm.from(draft).form(), "project.environmentalIndicators")).isEmpty();
    }

    @Test
    void whatTheApiWouldRefuseToStoreIsNamedAtItsField() {
        Map<String, Object> draft = new LinkedHashMap<>();
        FormPaths.set(draft, "project.title", "PET\u0000line");
        FormPaths.set(draft, "project.description", "Two lines\r\nare fine here");
        FormPaths.set(draft, "enterprise.name", "x".repeat(301));
        FormPaths.set(draft, "enterprise.address", "Ulica 1 " + new String(Character.toChars(0x1F331))); // a seedling, a pair

        Map<String, String> errors = ApiForm.from(draft).errors();

        assertThat(errors).containsEntry("project.title", "error.controlCharacter").containsEntry("enterprise.name", "error.tooLong:300")
                .doesNotContainKeys("project.description", "enterprise.address");
    }

    @Test
    void anAmountNoSmeServiceHasIsRefusedWithItsBound() {
        Map<String, Object> draft = new LinkedHashMap<>();
        FormPaths.set(draft, "project.services[0].costEur", "1000000000000000000");
        FormPaths.set(draft, "project.services[1].costEur", "1000000");
        FormPaths.set(draft, "enterprise.annualTurnoverEur", "3100000");

        Map<String, String> errors = ApiForm.from(draft).errors();

        assertThat(errors).containsEntry("project.services[0].costEur", "error.amountTooLarge:1000000")
                .doesNotContainKeys("project.services[1].costEur", "enterprise.annualTurnoverEur");
    }

    @Test
    void aStartNotAfterTodayAndARegistrationInTheFutureAreRefusedWhereTheyAreTyped() {
        java.time.LocalDate today = java.time.LocalDate.parse("2026-12-06");
        Map<String, Object> draft = new LinkedHashMap<>();
        FormPaths.set(draft, "project.plannedStart", "2026-12-06");
        FormPaths.set(draft, "enterprise.registeredOn", "2026-12-07");
        assertThat(ApiForm.from(draft, today).errors()).containsEntry("project.plannedStart", "error.plannedStartPast")
                .containsEntry("enterprise.registeredOn", "error.registeredInFuture");

        FormPaths.set(draft, "project.plannedStart", "2026-12-07");
        FormPaths.set(draft, "enterprise.registeredOn", "2026-12-06");
        assertThat(ApiForm.from(draft, today).errors()).isEmpty();
    }
}
