package rs.greenvoucher.web.apply;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.api.http.DraftView;
import rs.greenvoucher.api.http.SubmissionAccepted;
import rs.greenvoucher.api.http.SubmissionCheck;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.FormPaths;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.start.PublicData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The check page before submission: the draft as the API will read it, the portal's own errors with the step that
 * fixes each, and core's dry run of the submission (every rule that would refuse it); then the submission itself.
 */
@Controller
record CheckPage(ServiceApi api, PublicData data) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CheckPage.class);

    record Problem(String code, List<String> rules, List<FieldLink> fields) {
    }

    @GetMapping("/drafts/{id}/check")
    String check(@PathVariable UUID id, Model model, @RequestParam(required = false) UUID attached,
                 @RequestParam(required = false) String documentError, @RequestParam(required = false) String documentKind) {
        List<DocumentView> documents = api.list(Service.CORE, "/api/drafts/" + id + "/documents", DocumentView.class);
        DocumentOutcome.show(model, documents, attached, documentError, documentKind);
        return check(id, model, documents);
    }

    private String check(UUID id, Model model, List<DocumentView> documents) {
        DraftView stored = load(id);
        ApiForm.Result read = ApiForm.from(stored.form());
        model.addAttribute("id", id);
        model.addAttribute("draft", stored.form());
        model.addAttribute("savedAt", stored.updatedAt());
        model.addAttribute("formatErrors", FieldLink.links(read.errors()));
        Map<String, String> providers = providerNames(read.form());
        model.addAttribute("providerNames", providers);
        model.addAttribute("documents", DocumentSlots.of(data.openCall().map(CallView::requiredDocuments).orElse(List.of()),
                providers, documents));
        model.addAttribute("totals", Totals.of(read.form(), data));
        if (read.errors().isEmpty()) {
            try {
                SubmissionCheck result = api.post(Service.CORE, "/api/applications/checks?draftId=" + id, read.form(),
                        SubmissionCheck.class);
                model.addAttribute("result", result);
                model.addAttribute("problems", problems(result));
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                model.addAttribute("problems", List.of(problem(problem.code(), List.of(), problem.fields())));
            }
        }
        return "wizard/check";
    }

    @PostMapping("/drafts/{id}/submit")
    String submit(@PathVariable UUID id, Model model) {
        ApiForm.Result read = ApiForm.from(load(id).form());
        if (!read.errors().isEmpty()) {
            return "redirect:/drafts/" + id + "/check";
        }
        try {
            SubmissionAccepted answer = api.post(Service.CORE, "/api/applications?draftId=" + id, read.form(), SubmissionAccepted.class);
            LOG.info("Draft {} submitted as application {}", id, answer.id()); // ids only: no personal data in logs
            return "redirect:/applications/" + answer.id() + "/receipt";
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401 || problem.status() == 429) {
                throw problem;
            }
            // a rule that refuses now (the budget ran out meanwhile, the address is not confirmed, ...): the check
            // page says which, with the draft intact
            model.addAttribute("refusal", problem);
            return check(id, model, api.list(Service.CORE, "/api/drafts/" + id + "/documents", DocumentView.class));
        }
    }

    private Map<String, String> providerNames(Map<String, Object> apiForm) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Object code : FormPaths.list(apiForm, "providerCodes")) {
            names.put(code.toString(), data.providerName(code.toString()).orElse(code.toString()));
        }
        return names;
    }

    private List<Problem> problems(SubmissionCheck result) {
        List<Problem> problems = new ArrayList<>();
        for (SubmissionCheck.Refused refused : result.problems()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (rs.greenvoucher.api.http.Problem.FieldError field : refused.fields()) {
                fields.merge(field.field(), field.message(), (a, b) -> a + "; " + b);
            }
            problems.add(problem(refused.code(), refused.rules().stream().map(RuleCode::name).toList(), fields));
        }
        return problems;
    }

    private Problem problem(String code, List<String> rules, Map<String, String> fields) {
        return new Problem(code, rules, FieldLink.ofMessages(fields));
    }

    private DraftView load(UUID id) {
        return api.get(Service.CORE, "/api/drafts/" + id, DraftView.class);
    }
}
