package rs.greenvoucher.infra;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ApiContractTest {

    private static final ApiDescription API = ApiDescription.of(JsonMapper.builder().build().readTree("""
            {"openapi": "3.1.0",
             "paths": {
               "/api/items/{id}": {"get": {"responses": {
                   "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                   "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/items/summary": {"get": {"responses": {"200": {"content": {"*/*": {"schema": {"type": "array"}}}}}}},
               "/api/items": {"post": {
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                   "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                                 "400": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
               "Item": {"type": "object", "required": ["id"], "properties": {
                   "id": {"type": "string"}, "assignee": {"type": ["string", "null"]}, "count": {"type": "integer"}}},
               "Problem": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}}}}"""));

    @Test
    void anAnswerThatFitsItsSchemaPasses() {
        assertThat(check("GET", "/api/items/7", null, 200, "application/json", "{\"id\":\"7\",\"assignee\":null}")).isEmpty();
        assertThat(check("GET", "/api/items/7", null, 404, "application/problem+json", "{\"code\":\"NOT_FOUND\"}")).isEmpty();
    }

    @Test
    void aLiteralPathWinsOverATemplate() {
        assertThat(check("GET", "/api/items/summary", null, 200, "application/json", "[]")).isEmpty();
    }

    @Test
    void aNullWhereTheDescriptionSaysStringIsAViolation() {
        assertThat(check("POST", "/api/items", "{\"id\":\"1\"}", 201, "application/json", "{\"id\":null}"))
                .singleElement().asString().contains("answer").contains("id");
    }

    @Test
    void anUndocumentedStatusIsAViolation() {
        assertThat(check("GET", "/api/items/7", null, 409, "application/problem+json", "{\"code\":\"X\"}"))
                .singleElement().asString().contains("status 409 is not documented");
    }

    @Test
    void anAcceptedRequestMustFitItsSchemaARefusedOneNeedNot() {
        assertThat(check("POST", "/api/items", "{\"count\":\"many\"}", 201, "application/json", "{\"id\":\"1\"}"))
                .anyMatch(v -> v.contains("request"));
        assertThat(check("POST", "/api/items", "{\"count\":\"many\"}", 400, "application/problem+json", "{\"code\":\"VALIDATION_FAILED\"}"))
                .isEmpty();
    }

    @Test
    void aSuccessOnAnUndocumentedPathIsAViolationARefusalIsNot() {
        assertThat(check("GET", "/api/unknown", null, 200, "application/json", "{}")).singleElement().asString()
                .contains("no documented operation");
        assertThat(check("GET", "/api/unknown", null, 404, "application/problem+json", "{}")).isEmpty();
    }

    private static java.util.List<String> check(String method, String path, String request, int status, String type, String body) {
        return ApiContract.violations(API, method, URI.create("http://localhost" + path), request, status, type, body);
    }
}
