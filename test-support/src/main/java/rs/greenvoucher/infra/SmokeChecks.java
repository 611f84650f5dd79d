package rs.greenvoucher.infra;

/**
 * What every service must show once started: ready, with no details for anonymous callers and the components for an
 * ADMIN; its OpenAPI; problem+json 401s.
 */
public final class SmokeChecks {

    private SmokeChecks() {
    }

    public static void assertReadyDocumentedAndProtected(int port, String documentedPath, String adminToken, String... readiness) {
        HttpApi api = new HttpApi(port);
        HttpApi.Response anonymousHealth = api.get("/actuator/health/readiness", null);
        require(anonymousHealth.status() == 200 && anonymousHealth.body().equals("{\"status\":\"UP\"}"),
                "readiness UP and nothing more for an anonymous caller", anonymousHealth);
        HttpApi.Response health = api.get("/actuator/health/readiness", adminToken);
        boolean all = health.status() == 200 && health.body().contains("\"status\":\"UP\"");
        for (String component : readiness) {
            all &= health.body().contains("\"" + component + "\"");
        }
        require(all, "readiness UP with " + String.join(", ", readiness) + " for an ADMIN", health);
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
