package rs.greenvoucher.web.console;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.AutoChecks;
import rs.greenvoucher.api.http.Audit;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.Texts;
import rs.greenvoucher.web.track.AsOf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** An application's audit page in the console, and the corrections made on it by two administrators. */
@Controller
record AuditPage(ServiceApi api) {

    /**
     * An application's audit trail: each event with who, when, why, the rules, and the inputs of its moment (the
     * auto-checks, the call's parameters, the provider list), printable, as CSV, and each step's "as it stood then".
     */
    @GetMapping("/console/items/{id}/audit")
    String audit(@PathVariable UUID id, Model model) {
        auditModel(id, model);
        model.addAttribute("correction", Map.of());
        return "console/audit";
    }

    /**
     * Corrections of a decision by two administrators (docs/adr/0012), on the audit page: one proposes, another
     * confirms or declines; a refusal (four eyes, one already waiting, nothing to correct) is shown on the page.
     */
    @PostMapping("/console/items/{id}/corrections")
    String proposeCorrection(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", form.getOrDefault("stage", ""));
        String rules = form.getOrDefault("ruleCodes", "").trim();
        body.put("ruleCodes", rules.isEmpty() ? List.of() : Arrays.stream(rules.split("[,;\\s]+"))
                .map(r -> r.trim().toUpperCase(Locale.ROOT)).filter(r -> !r.isEmpty()).toList());
        body.put("reason", form.getOrDefault("reason", "").trim());
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/corrections", body);
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            auditModel(id, model);
            model.addAttribute("correction", form);
            model.addAttribute("problem", problem);
            return "console/audit";
        }
        return "redirect:/console/items/" + id + "/audit?correction=proposed#correction";
    }

    @PostMapping("/console/items/{id}/corrections/{correctionId}/{action}")
    String decideCorrection(@PathVariable UUID id, @PathVariable UUID correctionId, @PathVariable String action, Model model) {
        if (!action.equals("confirm") && !action.equals("decline")) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/corrections/" + correctionId + "/" + action, Map.of());
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            auditModel(id, model);
            model.addAttribute("correction", Map.of());
            model.addAttribute("problem", problem);
            return "console/audit";
        }
        return "redirect:/console/items/" + id + "/audit?correction=" + action + "ed#correction";
    }

    /** An event of the audit as the page shows it: its "as it stood then" link and its failed auto-checks in words. */
    record Row(long sequence, String event, Instant at, String by, String byName, String why, List<String> ruleCodes,
               List<AutoChecks.AutoCheck> autoChecks, Audit.CallInForce call, Audit.ProviderList providerList, String asOf,
               List<String> failedAutoChecks, List<Explained> failedExplained) {

        static Row of(Audit.Entry e) {
            List<AutoChecks.AutoCheck> checks = e.autoChecks() == null ? List.of() : e.autoChecks();
            List<AutoChecks.AutoCheck> failed = checks.stream().filter(c -> !c.passed()).toList();
            return new Row(e.sequence(), e.event(), e.at(), e.by(), e.byName(), e.why(), e.ruleCodes(), checks, e.call(),
                    e.providerList(), AsOf.field(e.at()), failed.stream().map(c -> c.rule().name()).toList(),
                    failed.stream().map(c -> new Explained(c.rule().name(), Texts.explanation(c))).toList());
        }
    }

    /** A failed check, in the reader's language. */
    record Explained(String rule, String text) {
    }

    private void auditModel(UUID id, Model model) {
        Audit audit = api.get(Service.CORE, "/api/applications/" + id + "/audit", Audit.class);
        model.addAttribute("id", id);
        model.addAttribute("trackingCode", audit.trackingCode());
        model.addAttribute("entries", audit.entries().stream().map(Row::of).toList());
        model.addAttribute("pending", audit.pendingCorrection());
    }

    @GetMapping("/console/items/{id}/audit.csv")
    ResponseEntity<byte[]> auditCsv(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"audit-" + id + ".csv\"")
                .body(api.getCsv(Service.CORE, "/api/applications/" + id + "/audit"));
    }
}
