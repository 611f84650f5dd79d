package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** ADMIN: staff and applicant accounts (create, disable, enable, unlock) and the erasure of an applicant's personal data. */
@Controller
record AccountsPage(ServiceApi api) {

    @GetMapping("/admin/accounts")
    String accounts(@RequestParam(required = false) String role, Model model) {
        accountsModel(role, model);
        model.addAttribute("form", Map.of());
        return "admin/accounts";
    }

    @PostMapping("/admin/accounts")
    String createStaff(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", form.getOrDefault("username", "").trim());
        body.put("password", form.getOrDefault("password", ""));
        body.put("fullName", form.getOrDefault("fullName", "").trim());
        body.put("role", form.getOrDefault("role", ""));
        body.put("email", AdminForms.blankToNull(form.get("email")));
        return AdminForms.act(() -> api.post(Service.CORE, "/api/accounts/staff", body), "redirect:/admin/accounts?created", problem -> {
            accountsModel(null, model);
            Map<String, String> kept = new LinkedHashMap<>(form);
            kept.remove("password"); // never sent back to the browser
            model.addAttribute("form", kept);
            model.addAttribute("problem", problem);
            return "admin/accounts";
        }, () -> { });
    }

    @PostMapping("/admin/accounts/{id}/{action}")
    String account(@PathVariable UUID id, @PathVariable String action, Model model) {
        if (!List.of("disable", "enable", "unlock").contains(action)) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return AdminForms.act(() -> api.post(Service.CORE, "/api/accounts/" + id + "/" + action, Map.of()), "redirect:/admin/accounts?" + action + "d",
                problem -> {
                    accountsModel(null, model);
                    model.addAttribute("form", Map.of());
                    model.addAttribute("problem", problem);
                    return "admin/accounts";
                }, () -> { });
    }

    /** Erasure of an applicant's personal data on their request: a page of its own, with the consequences spelled out. */
    @GetMapping("/admin/accounts/{id}/erasure")
    String erasure(@PathVariable UUID id, Model model) {
        model.addAttribute("account", applicant(id));
        model.addAttribute("reason", "");
        return "admin/erasure";
    }

    @PostMapping("/admin/accounts/{id}/erasure")
    String erase(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason == null ? "" : reason.trim());
        return AdminForms.act(() -> api.post(Service.CORE, "/api/accounts/" + id + "/erasure", body), "redirect:/admin/accounts?erased",
                problem -> {
                    model.addAttribute("account", applicant(id));
                    model.addAttribute("reason", reason);
                    // the API's refusal names one application's status; the page says what it means here
                    model.addAttribute("problem", "INVALID_TRANSITION".equals(problem.code())
                            ? new ApiProblem(409, "ERASURE_APPLICATION_OPEN", problem.getMessage(), List.of(), Map.of()) : problem);
                    return "admin/erasure";
                }, () -> { });
    }

    /** The applicant's account; a staff account is not erased on request (core refuses it too). */
    private AccountView applicant(UUID id) {
        AccountView account = api.get(Service.CORE, "/api/accounts/" + id, AccountView.class);
        if (!"APPLICANT".equals(account.role())) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return account;
    }

    private void accountsModel(String role, Model model) {
        String r = role != null && List.of("APPLICANT", "EVALUATOR", "MANAGER", "ADMIN").contains(role) ? role : null;
        model.addAttribute("role", r);
        model.addAttribute("accounts", api.list(Service.CORE, "/api/accounts" + (r == null ? "" : "?role=" + r), AccountView.class));
    }
}
