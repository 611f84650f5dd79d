package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.ProviderHistoryEntry;
import rs.greenvoucher.api.http.ProviderView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.start.PublicData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ADMIN: the registry of R&D service providers: qualify, deactivate, reactivate, and each one's history. */
@Controller
record ProvidersPage(ServiceApi api, PublicData publicData) {

    @GetMapping("/admin/providers")
    String providers(Model model) {
        model.addAttribute("providers", api.list(Service.CORE, "/api/providers", ProviderView.class));
        model.addAttribute("form", Map.of());
        return "admin/providers";
    }

    @GetMapping("/admin/providers/{code}")
    String provider(@PathVariable String code, Model model) {
        String c = code(code);
        ProviderView provider = api.list(Service.CORE, "/api/providers", ProviderView.class).stream()
                .filter(p -> c.equals(p.code())).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of()));
        model.addAttribute("provider", provider);
        model.addAttribute("history", api.list(Service.CORE, "/api/providers/" + c + "/history", ProviderHistoryEntry.class));
        return "admin/provider";
    }

    @PostMapping("/admin/providers")
    String qualify(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getOrDefault("name", "").trim());
        body.put("kind", AdminForms.blankToNull(form.get("kind")));
        body.put("city", form.getOrDefault("city", "").trim());
        body.put("mb", AdminForms.blankToNull(form.get("mb")));
        return AdminForms.act(() -> api.post(Service.CORE, "/api/providers", body), "redirect:/admin/providers?qualified", problem -> {
            model.addAttribute("providers", api.list(Service.CORE, "/api/providers", ProviderView.class));
            model.addAttribute("form", form);
            model.addAttribute("problem", problem);
            return "admin/providers";
        }, publicData::forget);
    }

    @PostMapping("/admin/providers/{code}/deactivate")
    String deactivate(@PathVariable String code, @RequestParam(defaultValue = "") String reason) {
        String c = code(code);
        api.post(Service.CORE, "/api/providers/" + c + "/deactivate", Map.of("reason", reason.trim()));
        publicData.forget();
        return "redirect:/admin/providers/" + c + "?deactivated";
    }

    @PostMapping("/admin/providers/{code}/reactivate")
    String reactivate(@PathVariable String code) {
        String c = code(code);
        api.post(Service.CORE, "/api/providers/" + c + "/reactivate", Map.of());
        publicData.forget();
        return "redirect:/admin/providers/" + c + "?reactivated";
    }

    private static String code(String code) {
        if (!code.matches("\\d{2,4}")) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return code;
    }
}
