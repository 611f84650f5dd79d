package rs.greenvoucher.infra;

/** What every service must show once started: ready (database and Kafka), its OpenAPI, and problem+json 401s. */
public final class SmokeChecks {

    private SmokeChecks() {
    }

    public static void assertReadyDocumentedAndProtected(int port, String documentedPath) {
        HttpApi api = new HttpApi(port);
        HttpApi.Response health = api.get("/actuator/health/readiness", null);
        require(health.status() == 200 && health.body().contains("\"status\":\"UP\"")
                && health.body().contains("\"db\"") && health.body().contains("\"kafka\""), "readiness UP with db and kafka", health);
        HttpApi.Response openApi = api.get("/v3/api-docs", null);
        require(openApi.status() == 200 && openApi.body().contains(documentedPath), "OpenAPI describing " + documentedPath, openApi);
        HttpApi.Response anonymous = api.get("/api/anything", null);
        require(anonymous.status() == 401 && anonymous.contentType().startsWith("application/problem+json")
                && anonymous.body().contains("\"code\":\"UNAUTHENTICATED\""), "401 UNAUTHENTICATED as problem+json", anonymous);
    }

    private static void require(boolean condition, String what, HttpApi.Response response) {
        if (!condition) {
            throw new AssertionError("expected " + what + ", got " + response.status() + ": " + response.body());
        }
    }
}
