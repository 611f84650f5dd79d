package rs.greenvoucher.web.provider;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.api.http.ProviderApplicationView;
import rs.greenvoucher.api.http.ProviderVoucher;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.start.PublicData;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider's own page: until its organisation is on the list, the pre-qualification form and where its application
 * stands; then the vouchers that name it, at which stage, with their services and amounts.
 */
@Controller
record ProviderPages(ServiceApi api, PublicData publicData) {

    /** The kinds an organisation may choose: never an individual consultant (P2), said in the form's hint. */
    static final List<String> KINDS = List.of("FACULTY", "UNIVERSITY", "COLLEGE", "INSTITUTE", "RESEARCH_CENTRE",
            "INNOVATION_CENTRE", "PUBLIC_BODY", "COMPANY");

    @GetMapping("/provider")
    String home(Model model) {
        return page(model, Map.of(), null);
    }

    @PostMapping("/provider/pre-qualification")
    String apply(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getOrDefault("name", "").trim());
        body.put("mb", blankToNull(form.get("mb")));
        body.put("pib", blankToNull(form.get("pib")));
        body.put("kind", blankToNull(form.get("kind")));
        body.put("city", form.getOrDefault("city", "").trim());
        body.put("expertise", form.getOrDefault("expertise", "").trim());
        body.put("references", Arrays.stream(form.getOrDefault("references", "").split("\\R")).map(String::trim)
                .filter(line -> !line.isEmpty()).toList());
        try {
            api.post(Service.CORE, "/api/provider-applications", body);
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return page(model, form, problem);
        }
        return "redirect:/provider?applied";
    }

    private String page(Model model, Map<String, String> form, ApiProblem problem) {
        AccountView me = api.get(Service.CORE, "/api/accounts/me", AccountView.class);
        List<ProviderApplicationView> applications = api.list(Service.CORE, "/api/provider-applications/mine", ProviderApplicationView.class);
        model.addAttribute("me", me);
        model.addAttribute("applications", applications);
        model.addAttribute("waiting", applications.stream().anyMatch(a -> a.status().equals("SUBMITTED")));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        if (me.providerCode() != null) {
            model.addAttribute("providerName", publicData.providerName(me.providerCode()).orElse(""));
            model.addAttribute("vouchers", api.list(Service.CORE, "/api/provider/vouchers", ProviderVoucher.class));
        }
        return "provider/home";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
