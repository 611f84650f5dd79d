package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.ProviderApplicationView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.start.PublicData;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** ADMIN: organisations' pre-qualification applications, those waiting first; each approved onto the list or refused. */
@Controller
record ProviderApplicationsPage(ServiceApi api, PublicData publicData) {

    static final List<String> RULES = List.of("P2", "P3", "L3");

    @GetMapping("/admin/provider-applications")
    String list(Model model) {
        List<ProviderApplicationView> all = api.list(Service.CORE, "/api/provider-applications", ProviderApplicationView.class);
        model.addAttribute("applications", all.stream()
                .sorted(Comparator.comparing((ProviderApplicationView a) -> !a.status().equals("SUBMITTED"))).toList());
        return "admin/provider-applications";
    }

    @GetMapping("/admin/provider-applications/{id}")
    String one(@PathVariable UUID id, Model model) {
        return page(id, model, Map.of(), null);
    }

    @PostMapping("/admin/provider-applications/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", note.isBlank() ? null : note.trim());
        return AdminForms.act(() -> api.post(Service.CORE, "/api/provider-applications/" + id + "/approval", body),
                "redirect:/admin/provider-applications/" + id + "?approved",
                problem -> page(id, model, Map.of("note", note), problem), publicData::forget);
    }

    @PostMapping("/admin/provider-applications/{id}/refuse")
    String refuse(@PathVariable UUID id, @RequestParam(required = false) List<String> ruleCodes,
                  @RequestParam(defaultValue = "") String reason, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ruleCodes", ruleCodes == null ? List.of() : ruleCodes);
        body.put("reason", reason.trim());
        return AdminForms.act(() -> api.post(Service.CORE, "/api/provider-applications/" + id + "/refusal", body),
                "redirect:/admin/provider-applications/" + id + "?refused",
                problem -> page(id, model, Map.of("reason", reason), problem), () -> { });
    }

    @GetMapping("/admin/provider-applications/{id}/documents/{document}")
    org.springframework.http.ResponseEntity<byte[]> open(@PathVariable UUID id, @PathVariable UUID document) {
        return rs.greenvoucher.web.portal.PassedOnFile.of(
                api.file(Service.CORE, "/api/provider-applications/" + id + "/documents/" + document + "/content"));
    }

    private String page(UUID id, Model model, Map<String, String> form, ApiProblem problem) {
        model.addAttribute("a", api.get(Service.CORE, "/api/provider-applications/" + id, ProviderApplicationView.class));
        model.addAttribute("documents", api.list(Service.CORE, "/api/provider-applications/" + id + "/documents",
                rs.greenvoucher.api.http.DocumentView.class));
        model.addAttribute("rules", RULES);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "admin/provider-application";
    }
}
