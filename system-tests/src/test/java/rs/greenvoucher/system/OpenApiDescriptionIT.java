package rs.greenvoucher.system;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' OpenAPI descriptions say what the services answer: the success codes they really use (201, 202,
 * 204), an object where an object comes back, and the problem+json answers of every operation. (The authorization
 * matrix also checks every status it meets is documented.)
 */
class OpenApiDescriptionIT {

    private final SystemUnderTest system = SystemUnderTest.api();

    @Test
    void everyOperationDocumentsItsProblemAnswers() {
        List<String> missing = new ArrayList<>();
        for (var service : Map.of("core", system.core, "evaluation", system.evaluation, "notification", system.notification).entrySet()) {
            JsonNode api = service.getValue().get("/v3/api-docs", null).json();
            assertThat(api.at("/components/schemas/Problem/properties/code").isMissingNode()).as(service.getKey()).isFalse();
            for (var path : api.get("paths").properties()) {
                for (var method : path.getValue().properties()) {
                    JsonNode responses = method.getValue().get("responses");
                    List<String> expected = new ArrayList<>(List.of("400", "401", "403", "404", "429", "503"));
                    if (!method.getKey().equals("get")) {
                        expected.addAll(List.of("409", "413", "422"));
                    }
                    for (String status : expected) {
                        JsonNode schema = responses.path(status).path("content").path("application/problem+json").path("schema");
                        if (!schema.path("$ref").asString("").endsWith("/Problem")) {
                            missing.add(service.getKey() + " " + method.getKey() + " " + path.getKey() + " " + status);
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void successCodesAreTheOnesTheServicesAnswerWith() {
        JsonNode core = system.core.get("/v3/api-docs", null).json().get("paths");
        for (String created : List.of("/api/applications", "/api/accounts/applicants", "/api/accounts/staff", "/api/calls",
                "/api/providers", "/api/drafts")) {
            JsonNode responses = core.get(created).get("post").get("responses");
            assertThat(responses.has("201")).as(created).isTrue();
            assertThat(responses.has("200")).as(created).isFalse();
        }
        assertThat(core.at("/~1api~1auth~1sign-out/post/responses").has("204")).isTrue();
        assertThat(core.at("/~1api~1accounts~1me~1email-verification/post/responses").has("202")).isTrue();
        // the application is its typed view (ADR 0026), no longer a bare object
        JsonNode application = core.at("/~1api~1applications~1{id}/get/responses/200/content/application~1json/schema");
        assertThat(application.path("$ref").asString()).endsWith("/ApplicationView");
        assertThat(core.at("/~1api~1reports~1throughput/get/responses/200/content/application~1json/schema/$ref").asString())
                .endsWith("/ThroughputReport");

        JsonNode evaluation = system.evaluation.get("/v3/api-docs", null).json().get("paths");
        for (String decision : List.of("screening", "provider-match", "decision", "completion-verification")) {
            JsonNode responses = evaluation.get("/api/applications/{id}/" + decision).get("post").get("responses");
            assertThat(responses.has("202")).as(decision).isTrue();
            assertThat(responses.has("200")).as(decision).isFalse();
        }
    }

    @Test
    void whatCanBeNullIsDocumentedAsNullable() {
        JsonNode item = system.evaluation.get("/v3/api-docs", null).json().at("/components/schemas/QueueItem/properties");
        for (String field : List.of("stage", "enqueuedAt", "assignee", "assigneeName", "claimedAt", "pendingDecision", "pendingSince")) {
            assertThat(item.path(field).path("type").toString()).as(field).contains("\"null\"");
        }
        // a refusal is a LastRefusal or null; the auto-checks are always a list (empty at worst), of typed checks
        assertThat(item.path("lastRefusal").path("anyOf").toString()).contains("LastRefusal").contains("\"null\"");
        assertThat(item.path("autoChecks").path("type").asString()).isEqualTo("array");
        assertThat(item.path("autoChecks").path("items").path("$ref").asString()).endsWith("/AutoCheck");
        JsonNode provider = system.core.get("/v3/api-docs", null).json().at("/components/schemas/ProviderView/properties");
        assertThat(provider.path("mb").path("type").toString()).contains("\"null\"");
    }

    @Test
    void aRealSubmissionAndARealRefusalAnswerAsDocumented() {
        HttpApi core = system.core;
        String applicant = core.newApplicant("sr");
        HttpApi.Response created = core.post("/api/applications", applicant, rs.greenvoucher.infra.TestData.application(
                rs.greenvoucher.infra.TestData.mb()));
        assertThat(created.status()).isEqualTo(201);
        HttpApi.Response refused = core.post("/api/applications", applicant, rs.greenvoucher.infra.TestData.application(
                rs.greenvoucher.infra.TestData.mb(), "22.22", "[\"12\"]", "19000"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode documented = core.get("/v3/api-docs", null).json().at("/paths/~1api~1applications/post/responses");
        assertThat(documented.has("201")).isTrue();
        assertThat(documented.has("422")).isTrue();
        assertThat(refused.json().get("ruleCodes").toString()).contains("S4");
    }
}
