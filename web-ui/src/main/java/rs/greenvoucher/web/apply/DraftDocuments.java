package rs.greenvoucher.web.apply;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.PassedOnFile;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The documents of a draft, on its check page: one plain form per document (a file field, works without
 * JavaScript), the file sent on to core as it came; then back to the check page, which says what was attached or why not.
 */
@Controller
public record DraftDocuments(ServiceApi api) {

    @PostMapping(path = "/drafts/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@PathVariable UUID id, @RequestParam("kind") String kind,
                  @RequestParam(value = "providerCode", required = false) String providerCode,
                  @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        return "redirect:/drafts/" + id + "/check?" + attach(api, "/api/drafts/" + id + "/documents", kind, providerCode, file)
                + "#documents";
    }

    @PostMapping("/drafts/{id}/documents/{document}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID document) {
        api.delete(Service.CORE, "/api/drafts/" + id + "/documents/" + document);
        return "redirect:/drafts/" + id + "/check#documents";
    }

    @GetMapping("/drafts/{id}/documents/{document}")
    ResponseEntity<byte[]> open(@PathVariable UUID id, @PathVariable UUID document) {
        return PassedOnFile.of(api.file(Service.CORE, "/api/drafts/" + id + "/documents/" + document + "/content"));
    }

    /** The refusals a page may name from its address (anything else there is ignored). */
    public static final java.util.Set<String> ERRORS = java.util.Set.of("document.error.empty", "document.error.tooLarge",
            "document.error.type", "document.error.total", "document.error.count", "document.error.other");

    /**
     * Sends one file to core; the outcome as the query of the page shown next (the id of the document attached, or
     * the slot and the message that refused it): in the address, not the session, so that it survives the script's
     * upload following the redirect before the page is shown.
     */
    public static String attach(ServiceApi api, String path, String kind, String providerCode, MultipartFile file)
            throws IOException {
        String slot = "documentKind=" + java.net.URLEncoder.encode(kind + (providerCode == null || providerCode.isBlank() ? ""
                : "." + providerCode), java.nio.charset.StandardCharsets.UTF_8);
        if (file == null || file.isEmpty()) {
            return slot + "&documentError=document.error.empty";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        if (providerCode != null && !providerCode.isBlank()) {
            fields.put("providerCode", providerCode);
        }
        try {
            DocumentView attached = api.upload(Service.CORE, path, fields,
                    file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(), file.getBytes(), DocumentView.class);
            return "attached=" + attached.id();
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            String why = problem.fields().getOrDefault("file", "");
            return slot + "&documentError=" + (problem.status() == 413 || why.startsWith("at most 10") ? "document.error.tooLarge"
                    : why.startsWith("not a PDF") ? "document.error.type"
                    : why.contains("50 MiB") ? "document.error.total"
                    : why.startsWith("too many") ? "document.error.count"
                    : why.startsWith("is empty") ? "document.error.empty"
                    : "document.error.other");
        }
    }
}
