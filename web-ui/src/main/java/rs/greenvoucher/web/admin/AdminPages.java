package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.Numbers;
import rs.greenvoucher.web.start.PublicData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * ADMIN pages: calls, providers, staff accounts, and the operations the services offer (parked events, dead letters,
 * projection rebuilds). Each form is one call to a service's API with the admin's own token.
 */
@Controller
class AdminPages {

    /** Each service's consumed topics whose dead letters an admin may look at and replay. */
    static final List<Map<String, String>> DEAD_LETTER_TOPICS = List.of(
            Map.of("service", "CORE", "topic", "gv.evaluation.decisions"),
            Map.of("service", "EVALUATION", "topic", "gv.application.events"),
            Map.of("service", "NOTIFICATION", "topic", "gv.application.events"),
            Map.of("service", "NOTIFICATION", "topic", "gv.account.events"));
    static final List<String> PROCESSORS = List.of("applicant-view", "reporting");

    private final ServiceApi api;
    private final PublicData publicData;

    AdminPages(ServiceApi api, PublicData publicData) {
        this.api = api;
        this.publicData = publicData;
    }

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("calls", ServiceApi.list(api.get(Service.CORE, "/api/calls")));
        long parked = ServiceApi.map(ServiceApi.map(api.get(Service.CORE, "/api/admin/parked-events")).get("counts")).values().stream()
                .mapToLong(n -> n instanceof Number number ? number.longValue() : 0).sum();
        model.addAttribute("parkedTotal", parked);
        return "admin/overview";
    }

    // ---- calls

    @GetMapping("/admin/calls")
    String calls(Model model) {
        return callsPage(model, Map.of(), Map.of(), null);
    }

    private String callsPage(Model model, Map<String, String> form, Map<String, String> errors, ApiProblem problem) {
        model.addAttribute("calls", ServiceApi.list(api.get(Service.CORE, "/api/calls")));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "admin/calls";
    }

    @PostMapping("/admin/calls")
    String openCall(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getOrDefault("name", "").trim());
        body.put("opensOn", blankToNull(form.get("opensOn")));
        body.put("closesOn", blankToNull(form.get("closesOn")));
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
        return act(() -> api.post(Service.CORE, "/api/calls", body), "redirect:/admin/calls?opened",
                problem -> callsPage(model, form, Map.of(), problem), publicData::forget);
    }

    // ---- providers

    @GetMapping("/admin/providers")
    String providers(Model model) {
        model.addAttribute("providers", ServiceApi.list(api.get(Service.CORE, "/api/providers")));
        model.addAttribute("form", Map.of());
        return "admin/providers";
    }

    @GetMapping("/admin/providers/{code}")
    String provider(@PathVariable String code, Model model) {
        String c = code(code);
        Map<String, Object> provider = ServiceApi.list(api.get(Service.CORE, "/api/providers")).stream().map(ServiceApi::map)
                .filter(p -> c.equals(p.get("code"))).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of()));
        model.addAttribute("provider", provider);
        model.addAttribute("history", ServiceApi.list(api.get(Service.CORE, "/api/providers/" + c + "/history")));
        return "admin/provider";
    }

    @PostMapping("/admin/providers")
    String qualify(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getOrDefault("name", "").trim());
        body.put("kind", blankToNull(form.get("kind")));
        body.put("city", form.getOrDefault("city", "").trim());
        body.put("mb", blankToNull(form.get("mb")));
        return act(() -> api.post(Service.CORE, "/api/providers", body), "redirect:/admin/providers?qualified", problem -> {
            model.addAttribute("providers", ServiceApi.list(api.get(Service.CORE, "/api/providers")));
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

    // ---- staff accounts

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
        body.put("email", blankToNull(form.get("email")));
        return act(() -> api.post(Service.CORE, "/api/accounts/staff", body), "redirect:/admin/accounts?created", problem -> {
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
        return act(() -> api.post(Service.CORE, "/api/accounts/" + id + "/" + action, Map.of()), "redirect:/admin/accounts?" + action + "d",
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
        return act(() -> api.post(Service.CORE, "/api/accounts/" + id + "/erasure", body), "redirect:/admin/accounts?erased",
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
    private Map<String, Object> applicant(UUID id) {
        if (!(api.get(Service.CORE, "/api/accounts/" + id) instanceof Map<?, ?> account) || !"APPLICANT".equals(account.get("role"))) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) account;
        return found;
    }

    private void accountsModel(String role, Model model) {
        String r = role != null && List.of("APPLICANT", "EVALUATOR", "MANAGER", "ADMIN").contains(role) ? role : null;
        model.addAttribute("role", r);
        model.addAttribute("accounts", ServiceApi.list(api.get(Service.CORE, "/api/accounts" + (r == null ? "" : "?role=" + r))));
    }

    // ---- operations

    @GetMapping("/admin/operations")
    String operations(Model model) {
        model.addAttribute("parked", ServiceApi.map(api.get(Service.CORE, "/api/admin/parked-events")));
        List<Map<String, Object>> deadLetters = new java.util.ArrayList<>();
        for (Map<String, String> t : DEAD_LETTER_TOPICS) {
            Map<String, Object> row = new LinkedHashMap<>(t);
            try {
                row.put("waiting", ServiceApi.map(api.get(Service.valueOf(t.get("service")),
                        "/api/admin/dead-letter-topics/" + t.get("topic"))).get("waiting"));
            } catch (ApiProblem problem) {
                row.put("unavailable", true); // one service away does not hide the others
                row.put("waiting", List.of());
            }
            deadLetters.add(row);
        }
        model.addAttribute("deadLetters", deadLetters);
        model.addAttribute("processors", PROCESSORS);
        return "admin/operations";
    }

    @PostMapping("/admin/operations/parked/{processor}/retry")
    String retryParked(@PathVariable String processor) {
        api.post(Service.CORE, "/api/admin/parked-events/" + processor(processor) + "/retry", Map.of());
        return "redirect:/admin/operations?retried";
    }

    /** One application's parked events: try them again, or drop them (the read model then lacks them until a rebuild). */
    @PostMapping("/admin/operations/parked/{processor}/{sequence}/{action}")
    String parkedSequence(@PathVariable String processor, @PathVariable UUID sequence, @PathVariable String action) {
        String path = "/api/admin/parked-events/" + processor(processor) + "/" + sequence;
        if (action.equals("retry")) {
            api.post(Service.CORE, path + "/retry", Map.of());
        } else if (action.equals("evict")) {
            api.delete(Service.CORE, path);
        } else {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return "redirect:/admin/operations?retried";
    }

        @PostMapping("/admin/operations/dead-letters/{service}/{topic}/replay")
    String replay(@PathVariable String service, @PathVariable String topic) {
        Map<String, String> known = DEAD_LETTER_TOPICS.stream()
                .filter(t -> t.get("service").equals(service) && t.get("topic").equals(topic)).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of()));
        api.post(Service.valueOf(known.get("service")), "/api/admin/dead-letter-topics/" + known.get("topic") + "/replay", Map.of());
        return "redirect:/admin/operations?replayed";
    }

    @PostMapping("/admin/operations/rebuild/{processor}")
    String rebuild(@PathVariable String processor, Model model) {
        api.post(Service.CORE, "/api/admin/processors/" + processor(processor) + "/rebuild", Map.of());
        return "redirect:/admin/operations?rebuilt";
    }

    private static String processor(String processor) {
        if (!PROCESSORS.contains(processor)) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return processor;
    }

    private static String code(String code) {
        if (!code.matches("\\d{2,4}")) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return code;
    }

    interface OnProblem {
        String page(ApiProblem problem);
    }

    /** One write: on success the redirect, on a refusal the page again with the service's words (never a 5xx page). */
    private static String act(Supplier<Object> call, String redirect, OnProblem onProblem, Runnable after) {
        try {
            call.get();
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return onProblem.page(problem);
        }
        after.run();
        return redirect;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
