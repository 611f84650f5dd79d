package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.Numbers;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.start.PublicData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ADMIN: the calls, and opening a new one. */
@Controller
record CallsPage(ServiceApi api, PublicData publicData) {

    @GetMapping("/admin/calls")
    String calls(Model model) {
        return callsPage(model, Map.of(), Map.of(), null);
    }

    private String callsPage(Model model, Map<String, String> form, Map<String, String> errors, ApiProblem problem) {
        model.addAttribute("calls", api.list(Service.CORE, "/api/calls", CallView.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "admin/calls";
    }

    @PostMapping("/admin/calls")
    String openCall(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getOrDefault("name", "").trim());
        body.put("opensOn", AdminForms.blankToNull(form.get("opensOn")));
        body.put("closesOn", AdminForms.blankToNull(form.get("closesOn")));
        Map<String, String> errors = new LinkedHashMap<>();
        for (String money : List.of("budgetEur", "maxVoucherEur", "maxSharePercent", "completionMonths", "minServiceCostEur",
                "maxEquipmentSharePercent")) {
            try {
                body.put(money, Numbers.parse(form.getOrDefault(money, "")));
            } catch (NumberFormatException e) {
                errors.put(money, "error.number");
            }
        }
        if (!errors.isEmpty()) {
            return callsPage(model, form, errors, null);
        }
        // the scheme's documents unless the administrator says otherwise (the API's default is none: api-contract.md)
        body.put("requiredDocuments", form.containsKey("requireDocuments") ? rs.greenvoucher.api.DocumentRules.SCHEME_DEFAULT
                : List.of());
        return AdminForms.act(() -> api.post(Service.CORE, "/api/calls", body), "redirect:/admin/calls?opened",
                problem -> callsPage(model, form, Map.of(), problem), publicData::forget);
    }
}
