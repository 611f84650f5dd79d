package rs.greenvoucher.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo accounts and data, made through the public HTTP API only (so the demo exercises what clients use).
 * Safe to run again: what exists already (409) is left as it is.
 */
final class DemoData {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String core;
    private final String evaluation;
    private final Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String[]> accounts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private final MailCatcher mail;

    DemoData(String core, String evaluation, Credentials credentials, MailCatcher mail) {
        this.mail = mail;
        this.core = core;
        this.evaluation = evaluation;
        this.credentials = credentials;
    }

    void load() throws IOException, InterruptedException {
        String admin = token(credentials.adminUsername(), credentials.adminPassword());
        staff(admin, "evaluator", "Jelena Đorđević", "EVALUATOR", "jelena.djordjevic@greenvoucher.rs");
        // a second evaluator: the committee decision needs someone other than the screener (four eyes)
        staff(admin, "evaluator2", "Marko Ilić", "EVALUATOR", "marko.ilic@greenvoucher.rs");
        staff(admin, "manager", "Miloš Stanković", "MANAGER", "milos.stankovic@greenvoucher.rs");
        // a second manager: a payment order is approved by another than the one who proposed it (four eyes)
        staff(admin, "manager2", "Vesna Đorđević", "MANAGER", "vesna.djordjevic@greenvoucher.rs");
        applicant("ana.petrovic@example.rs", credentials.password("applicant"), "Ana Petrović", "sr");
        applicant("john.smith@example.com", credentials.password("applicant2"), "John Smith", "en");
        DemoScenario.load(this, admin);
        providers(admin);
        DemoVoucher.load(this);
    }

    /**
     * Two people of R&D providers: one of a listed faculty (code 12, linked by the ADMIN), who sees the vouchers that name
     * it; one of a new laboratory whose pre-qualification, with its register extract, waits for the ADMIN.
     */
    private void providers(String admin) throws IOException, InterruptedException {
        String faculty = "dragana.nikolic@tmf.example.rs";
        if (signUp("/api/accounts/providers", faculty, credentials.password("provider"), "Dragana Nikolić", "sr")) {
            String token = token(faculty, credentials.password("provider"));
            Matcher id = ID.matcher(get("/api/accounts/me", token).body());
            if (id.find()) {
                expect(post("/api/accounts/" + id.group(1) + "/provider", admin, "{\"providerCode\":\"12\"}"), 200);
            }
        }
        accounts.add(new String[]{"PROVIDER", faculty, credentials.password("provider")});
        String lab = "milan.jovanovic@zeleni-inzenjering.example.rs";
        if (signUp("/api/accounts/providers", lab, credentials.password("provider2"), "Milan Jovanović", "en")) {
            String token = token(lab, credentials.password("provider2"));
            String name = "Zeleni Inženjering d.o.o.";
            HttpResponse<String> applied = post("/api/provider-applications", token, """
                    {"name":"%s","mb":"%s","pib":"%s","kind":"COMPANY","city":"Novi Sad",
                     "expertise":"Life-cycle assessment and energy-efficiency testing for packaging and food producers of Vojvodina.",
                     "references":["ISO 17025 accredited laboratory, ATS 01-321","LCA of recycled PET trays for the Vojvodina food cluster (2024)"]}"""
                    .formatted(name, DemoScenario.Identifiers.mb(name), DemoScenario.Identifiers.pib(name)));
            expect(applied, 201);
            Matcher id = ID.matcher(applied.body());
            if (id.find()) {
                expect(upload("/api/provider-applications/" + id.group(1) + "/documents", token, java.util.Map.of("kind", "REGISTER_EXTRACT"),
                        "izvod-apr-zeleni-inzenjering.pdf", rs.greenvoucher.infra.SamplePdf.of("Izvod iz registra privrednih subjekata", name)), 201);
            }
        }
        accounts.add(new String[]{"PROVIDER", lab, credentials.password("provider2")});
    }

    private void staff(String adminToken, String username, String fullName, String role, String email)
            throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/accounts/staff", adminToken, """
                {"username":"%s","password":"%s","fullName":"%s","role":"%s","email":"%s"}"""
                .formatted(username, credentials.password(username), fullName, role, email));
        expect(r, 201, 409);
        accounts.add(new String[]{role, username, credentials.password(username)});
    }

    private void applicant(String email, String password, String fullName, String language)
            throws IOException, InterruptedException {
        signUp("/api/accounts/applicants", email, password, fullName, language);
        accounts.add(new String[]{"APPLICANT", email, password});
    }

    /** Signs up and confirms the address; false when the account was there from an earlier run. */
    private boolean signUp(String path, String email, String password, String fullName, String language)
            throws IOException, InterruptedException {
        HttpResponse<String> r = post(path, null, """
                {"email":"%s","password":"%s","fullName":"%s","preferredLanguage":"%s"}"""
                .formatted(email, password, fullName, language));
        expect(r, 201, 409);
        if (r.statusCode() == 201) {
            confirm(email);
        }
        return r.statusCode() == 201;
    }

    /** Follows the confirmation link from the mail, as the applicant would (the mail takes a moment to arrive). */
    private void confirm(String email) throws IOException, InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        java.util.Optional<String> link = mail.confirmationLink(email);
        while (link.isEmpty()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no confirmation mail for " + email + " within a minute");
            }
            Thread.sleep(200);
            link = mail.confirmationLink(email);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(link.get())).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(r, 200);
    }

    String token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/auth/token", null,
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
        expect(r, 200);
        Matcher m = TOKEN.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token in " + r.body());
        }
        return m.group(1);
    }

    /** One file as a browser's form sends it (multipart/form-data), with its form fields. */
    HttpResponse<String> upload(String path, String token, java.util.Map<String, String> fields, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----gvdemo" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/pdf\r\n\r\n");
        out.writeBytes(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(core + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(core + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send(core + path, token, json);
    }

    /** A POST to the evaluation service (the evaluators' decisions). */
    HttpResponse<String> postToEvaluation(String path, String token, String json) throws IOException, InterruptedException {
        return send(evaluation + path, token, json);
    }

    HttpResponse<String> getFromEvaluation(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(evaluation + path)).timeout(Duration.ofSeconds(30)).GET()
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int... statuses) {
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return;
            }
        }
        throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered "
                + r.statusCode() + ": " + r.body());
    }

    Credentials credentials() {
        return credentials;
    }

    void note(String line) {
        notes.add(line);
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        for (String[] a : accounts) {
            s.append(String.format("  %-10s %-28s %s%n", a[0], a[1], a[2]));
        }
        if (!notes.isEmpty()) {
            s.append("\nDemo data:\n");
            notes.forEach(n -> s.append("  ").append(n).append('\n'));
        }
        return s.toString();
    }
}
