package rs.greenvoucher.core.documents;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.core.CoreIntegrationTest;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.SamplePdf;
import rs.greenvoucher.infra.TestData;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents on real PostgreSQL: uploaded to a draft and served back safely, sealed in the database, refused at the
 * door when they are not what they claim, required by D1 at submission, attached to the application with their
 * hashes in its events, readable by its applicant and the staff who judge it, and unreadable once erased.
 */
class DocumentsIT extends CoreIntegrationTest {

    static final byte[] OFFER = SamplePdf.of("Ponuda 2026-114", "Tehnolosko-metalurski fakultet", "Prototip: 12.000 EUR");

    private String applicant;
    private String draftPath;

    @BeforeEach
    void aDraft() {
        applicant = api.newApplicant("sr");
        Response draft = api.post("/api/drafts", applicant, "{\"form\":{},\"step\":1}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        draftPath = "/api/drafts/" + draft.json().get("id").asString();
    }

    private Response upload(String path, String token, String kind, String provider, String name, byte[] bytes) {
        return api.upload(path + "/documents", token, provider == null ? Map.of("kind", kind)
                : Map.of("kind", kind, "providerCode", provider), name, bytes);
    }

    @Test
    void aDocumentIsSealedInTheDatabaseAndServedAsWhatItsBytesAre() {
        Response r = upload(draftPath, applicant, "PROVIDER_OFFER", "12", "../../etc/Ponuda TMF.pdf", OFFER);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("fileName").asString()).isEqualTo("Ponuda TMF.pdf");
        assertThat(r.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(r.json().get("sizeBytes").asLong()).isEqualTo(OFFER.length);
        assertThat(r.json().get("sha256").asString()).isEqualTo(Upload.sha256(OFFER));
        UUID id = UUID.fromString(r.json().get("id").asString());

        var row = jdbc.sql("select file_name, content from application_document where id = :id").param("id", id)
                .query((rs, n) -> Map.of("name", rs.getString(1), "content", rs.getBytes(2))).single();
        assertThat((String) row.get("name")).startsWith("gv:sealed:v1:").doesNotContain("Ponuda");
        byte[] stored = (byte[]) row.get("content");
        assertThat(stored).isNotEqualTo(OFFER);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF").doesNotContain("Ponuda");

        HttpResponse<byte[]> file = api.download(draftPath + "/documents/" + id + "/content", applicant);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(OFFER);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // someone else's draft does not exist for them
        assertThat(api.download(draftPath + "/documents/" + id + "/content", api.newApplicant("sr")).statusCode()).isEqualTo(404);
    }

    @Test
    void aPdfThatRunsScriptIsKeptButOnlyEverDownloaded() {
        byte[] scripted = new String(OFFER, StandardCharsets.ISO_8859_1)
                .replace("/Type /Catalog", "/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>")
                .getBytes(StandardCharsets.ISO_8859_1);
        Response r = upload(draftPath, applicant, "OTHER", null, "scan.pdf", scripted);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        HttpResponse<byte[]> file = api.download(draftPath + "/documents/" + r.json().get("id").asString() + "/content", applicant);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
    }

    @Test
    void whatIsNotADocumentIsRefusedAtTheDoorAndNothingIsStored() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused(upload(draftPath, applicant, "FINANCIAL_STATEMENTS", null, "bilans.pdf", exe), 400, "file");
        assertRefused(upload(draftPath, applicant, "FINANCIAL_STATEMENTS", null, "empty.pdf", new byte[0]), 400, "file");
        assertRefused(upload(draftPath, applicant, "FINANCIAL_STATEMENTS", null, "bilans\u0000.pdf", OFFER), 400, "file");
        assertRefused(upload(draftPath, applicant, "FINANCIAL_STATEMENTS", null, "bomb.docx", zipBomb()), 400, "file");
        assertRefused(upload(draftPath, applicant, "STATEMENTS", null, "bilans.pdf", OFFER), 400, "kind");
        assertRefused(upload(draftPath, applicant, "PROVIDER_OFFER", null, "ponuda.pdf", OFFER), 400, "providerCode");
        assertRefused(upload(draftPath, applicant, "INVOICE", "12", "faktura.pdf", OFFER), 400, "kind");
        byte[] big = Arrays.copyOf(OFFER, 11 * 1024 * 1024);
        Response tooLarge = upload(draftPath, applicant, "OTHER", null, "big.pdf", big);
        assertProblem(tooLarge, 413, "PAYLOAD_TOO_LARGE");
        assertProblem(upload(draftPath, api.newApplicant("sr"), "OTHER", null, "x.pdf", OFFER), 404, "NOT_FOUND");
        assertThat(api.get(draftPath + "/documents", applicant).json().size()).isZero();
    }

    @Test
    void anApplicationCarriesAtMostFortyDocuments() {
        for (int i = 0; i < 40; i++) {
            assertThat(upload(draftPath, applicant, "OTHER", null, "page-" + i + ".pdf", SamplePdf.of("Page " + i)).status())
                    .isEqualTo(201);
        }
        assertRefused(upload(draftPath, applicant, "OTHER", null, "one-more.pdf", OFFER), 400, "file");
        assertThat(api.get(draftPath + "/documents", applicant).json().size()).isEqualTo(40);
    }

    @Test
    void d1RequiresTheCallsDocumentsAndTheApplicationKeepsThemWithTheirHashes() {
        LocalDate opens = LocalDate.parse("2032-08-01"); // HistoryIT takes March of its years
        ensureCall("Documents call 2032-08", opens, opens.plusDays(30), "100000",
                "[\"PROVIDER_OFFER\",\"FINANCIAL_STATEMENTS\",\"REGISTER_EXTRACT\",\"INVOICE\"]");
        clock.set(Instant.parse("2032-08-10T09:00:00Z"));
        Response draft = api.post("/api/drafts", applicant, "{\"form\":{},\"step\":1}");
        String path = "/api/drafts/" + draft.json().get("id").asString();
        UUID draftId = UUID.fromString(draft.json().get("id").asString());
        String form = TestData.application(TestData.mb());
        assertThat(upload(path, applicant, "PROVIDER_OFFER", "12", "ponuda-12.pdf", OFFER).status()).isEqualTo(201);

        Response refused = api.post("/api/applications?draftId=" + draftId, applicant, form);
        assertProblem(refused, 422, "SCHEME_RULE_VIOLATED");
        assertThat(refused.json().get("ruleCodes").toString()).contains("D1");
        assertThat(fields(refused)).containsExactlyInAnyOrder("documents.PROVIDER_OFFER.23", "documents.FINANCIAL_STATEMENTS",
                "documents.REGISTER_EXTRACT");
        Response dryRun = api.post("/api/applications/checks?draftId=" + draftId, applicant, form);
        assertThat(dryRun.body()).contains("D1").contains("documents.REGISTER_EXTRACT");

        List<String> hashes = new ArrayList<>(List.of(Upload.sha256(OFFER)));
        for (String[] d : new String[][] {{"PROVIDER_OFFER", "23"}, {"FINANCIAL_STATEMENTS", null}, {"REGISTER_EXTRACT", null}}) {
            byte[] pdf = SamplePdf.of(d[0], "Eko Plast d.o.o.");
            assertThat(upload(path, applicant, d[0], d[1], d[0].toLowerCase() + ".pdf", pdf).status()).isEqualTo(201);
            hashes.add(Upload.sha256(pdf));
        }
        Response submitted = api.post("/api/applications?draftId=" + draftId, applicant, form);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("id").asString()).isEqualTo(draftId.toString());
        assertProblem(api.get(path, applicant), 404, "NOT_FOUND");

        String documents = "/api/applications/" + draftId + "/documents";
        JsonNode listed = api.get(documents, applicant).json();
        assertThat(listed.size()).isEqualTo(4);
        assertThat(api.get(documents, admin()).json().size()).isEqualTo(4);
        assertProblem(api.get(documents, api.newApplicant("sr")), 404, "NOT_FOUND");
        List<String> events = jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :id and payload_type like '%DocumentAttached' order by sequence_number""")
                .param("id", draftId.toString()).query(String.class).list();
        assertThat(events).hasSize(4);
        assertThat(events).allSatisfy(e -> assertThat(e).doesNotContain(".pdf")); // the name is sealed, the hash is not
        assertThat(hashes).allSatisfy(h -> assertThat(events).anySatisfy(e -> assertThat(e).contains(h)));
        String offer = "";
        for (JsonNode d : listed) {
            offer = "12".equals(d.path("providerCode").asString("")) ? d.get("id").asString() : offer;
        }
        HttpResponse<byte[]> file = api.download(documents + "/" + offer + "/content", admin());
        assertThat(file.body()).isEqualTo(OFFER);

        // erased: the bytes stay in the database, sealed, and nobody can open them again
        assertThat(api.post("/api/applications/" + draftId + "/withdraw", applicant, "{}").status()).isEqualTo(200);
        String account = jdbc.sql("select applicant_id from application_view where id = :id").param("id", draftId)
                .query(String.class).single();
        Response erased = api.post("/api/accounts/" + account + "/erasure", admin(), "{\"reason\":\"Request 2032/3\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(api.download(documents + "/" + offer + "/content", admin()).statusCode())
                .isEqualTo(404);
        assertThat(api.get(documents, admin()).json().get(0).get("fileName").asString()).isEqualTo("[erased]");
        assertThat(jdbc.sql("select count(*) from application_document where subject = :id and content is not null")
                .param("id", draftId).query(Integer.class).single()).isEqualTo(4);
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static void assertRefused(Response r, int status, String field) {
        assertProblem(r, status, "VALIDATION_FAILED");
        assertThat(fields(r)).contains(field);
    }

    /** 200 MB of zeros in a zip of a few hundred kB, dressed as a Word file. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("bomb.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
