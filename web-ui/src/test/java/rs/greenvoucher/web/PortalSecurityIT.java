package rs.greenvoucher.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own defences, on pages that need no service: the session cookie's flags, CSRF on every form, the
 * content security policy, sign-in required where it should be, no open redirect, and what a visitor sees when the
 * services cannot be reached (here they never can: the portal is started alone).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gv.web.core-url=http://127.0.0.1:9", "gv.web.evaluation-url=http://127.0.0.1:9", "gv.web.notification-url=http://127.0.0.1:9",
        "gv.web.operator.name=Test operator", "gv.web.operator.address=Test street 1, Beograd",
        "gv.web.operator.email=contact@example.rs", "gv.web.operator.funder=Test fund"})
class PortalSecurityIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndPagesCarryAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/can-i-apply", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("GV_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("lang=\"sr-Latn\"").contains("name=\"_csrf\"");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> first = get("/can-i-apply", null);
        String session = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/language"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("lang=en&back=/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(get("/can-i-apply", session).body()).contains("lang=\"sr-Latn\""); // still Serbian
    }

    @Test
    void theLanguageSwitchGoesOnlyToPagesOfThePortal() throws Exception {
        HttpResponse<String> first = get("/can-i-apply", null);
        String session = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = first.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        for (String back : List.of("//evil.example/", "https://evil.example/", "/\\evil.example")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/language"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                    .POST(HttpRequest.BodyPublishers.ofString("lang=en&_csrf=" + csrf + "&back="
                            + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(back).doesNotContain("evil");
        }
        assertThat(get("/can-i-apply", session).body()).contains("lang=\"en\"");
    }

    @Test
    void pagesOfAnAccountNeedASignInAndComeBackAfterIt() throws Exception {
        HttpResponse<String> r = get("/applications", null);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?next=%2Fapplications");
    }

    @Test
    void whenTheServicesCannotBeReachedTheVisitorIsToldSoWithoutInternals() throws Exception {
        HttpResponse<String> r = get("/", null);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("Usluga trenutno nije dostupna").doesNotContain("Exception").doesNotContain("127.0.0.1:9");
    }

    @Test
    void thePreCheckAnswersWithoutAnyService() throws Exception {
        HttpResponse<String> r = get("/can-i-apply?ownership=STATE&employees=300&turnover=1&assets=1&registeredOn=2025-01-01&nace=64.19", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("(E1)").contains("(E2)").contains("(E3)").contains("(E6)").contains("Nije ispunjeno");
    }

    /** The footer's pages need no service: they say who runs the portal (the deployment's settings) on every page. */
    @Test
    void theFootersPagesNameTheOperatorAndAreLinkedFromEveryPage() throws Exception {
        for (String path : List.of("/contact", "/privacy", "/accessibility", "/cookies", "/can-i-apply")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("Test operator").contains("Test fund").contains("contact@example.rs")
                    .contains("href=\"/contact\"").contains("href=\"/privacy\"").contains("href=\"/accessibility\"")
                    .contains("href=\"/cookies\"");
        }
        assertThat(get("/cookies", null).body()).contains("GV_SESSION");
    }

    /** Browsers ask every page for an icon: answered, not a 404 per visit. */
    @Test
    void theIconIsServed() throws Exception {
        HttpResponse<String> svg = get("/favicon.svg", null);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        HttpResponse<String> ico = get("/favicon.ico", null);
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(get("/can-i-apply", null).body()).contains("rel=\"icon\"");
    }

    /** An empty answer is "required", not "invalid". */
    @Test
    void thePreCheckSaysAnEmptyAnswerIsRequired() throws Exception {
        String body = get("/can-i-apply?ownership=&employees=&turnover=&assets=&registeredOn=&nace=", null).body();
        assertThat(body).contains("obavezno polje").doesNotContain("neispravna vrednost");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
