package rs.greenvoucher.web.track;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.web.apply.DocumentOutcome;
import rs.greenvoucher.web.apply.DocumentSlots;
import rs.greenvoucher.web.apply.DraftDocuments;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.Numbers;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.start.PublicData;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The applicant's reply to a request for more information (D3): what the evaluator asked, a slot for each document
 * asked for (each its own plain multipart form, as on the check page), the fields named with their values now, and the
 * reply, sent to core; the application then goes back to the evaluator who asked.
 */
@Controller
record ReplyPage(ServiceApi api, PublicData data) {

    @GetMapping("/applications/{id}/reply")
    String page(@PathVariable UUID id, @RequestParam(required = false) String attached,
                @RequestParam(required = false) String documentError, @RequestParam(required = false) String documentKind,
                Model model) {
        ApplicationView app = view(id);
        if (app.informationRequest() == null) {
            return "redirect:/applications/" + id;
        }
        return show(model, app, current(app), Map.of(), null, attached, documentError, documentKind);
    }

    @PostMapping(path = "/applications/{id}/reply/documents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(@PathVariable UUID id, @RequestParam("kind") String kind,
                  @RequestParam(value = "providerCode", required = false) String providerCode,
                  @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        return "redirect:/applications/" + id + "/reply?"
                + DraftDocuments.attach(api, "/api/applications/" + id + "/documents", kind, providerCode, file) + "#documents";
    }

    @PostMapping("/applications/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam Map<String, String> posted, Model model) {
        ApplicationView app = view(id);
        ApplicationView.InformationRequest request = app.informationRequest();
        if (request == null) {
            return "redirect:/applications/" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String message = posted.getOrDefault("message", "").trim();
        if (message.isEmpty()) {
            errors.put("message", "reply.error.message");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (RequestedField field : request.fields()) {
            String typed = posted.getOrDefault(field.name(), "").trim();
            Object value = changed(app, field, typed);
            if (value == INVALID) {
                errors.put(field.name(), "reply.error.number");
            } else if (value != null) {
                changes.put(key(field), value);
            }
        }
        if (!errors.isEmpty()) {
            return show(model, app, posted, errors, null, null, null, null);
        }
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/information-reply", Map.of("message", message, "changes", changes));
            return "redirect:/applications/" + id + "?replied";
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return show(model, app, posted, Map.of(), problem, null, null, null);
        }
    }

    private static final Object INVALID = new Object();

    /** The new value of a field as the API takes it; null when unchanged; {@link #INVALID} when it is not a number. */
    private static Object changed(ApplicationView app, RequestedField field, String typed) {
        String now = valueOf(app, field);
        if (typed.isEmpty() || typed.equals(now)) {
            return null;
        }
        if (field == RequestedField.PROJECT_DESCRIPTION) {
            return typed;
        }
        BigDecimal number;
        try {
            number = Numbers.parse(typed);
        } catch (RuntimeException e) {
            return INVALID;
        }
        if (number == null || number.signum() < 0) {
            return INVALID;
        }
        if (field == RequestedField.EMPLOYEES) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                return INVALID;
            }
        }
        return number;
    }

    private static String key(RequestedField field) {
        return switch (field) {
            case EMPLOYEES -> "employees";
            case ANNUAL_TURNOVER -> "annualTurnoverEur";
            case TOTAL_ASSETS -> "totalAssetsEur";
            case PROJECT_DESCRIPTION -> "projectDescription";
        };
    }

    /** A field's value in the application now, as the form shows it. */
    private static String valueOf(ApplicationView app, RequestedField field) {
        return switch (field) {
            case EMPLOYEES -> app.enterprise().employees() == null ? "" : app.enterprise().employees().toString();
            case ANNUAL_TURNOVER -> app.enterprise().annualTurnoverEur() == null ? "" : app.enterprise().annualTurnoverEur().amount().toPlainString();
            case TOTAL_ASSETS -> app.enterprise().totalAssetsEur() == null ? "" : app.enterprise().totalAssetsEur().amount().toPlainString();
            case PROJECT_DESCRIPTION -> app.project().description() == null ? "" : app.project().description();
        };
    }

    private static Map<String, String> current(ApplicationView app) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RequestedField field : app.informationRequest().fields()) {
            values.put(field.name(), valueOf(app, field));
        }
        values.put("message", "");
        return values;
    }

    private String show(Model model, ApplicationView app, Map<String, String> form, Map<String, String> errors, ApiProblem problem,
                        String attached, String documentError, String documentKind) {
        ApplicationView.InformationRequest request = app.informationRequest();
        Map<String, String> providers = new LinkedHashMap<>();
        app.providers().forEach(p -> providers.put(p.code(), data.providerName(p.code()).orElse(p.name())));
        List<DocumentView> documents = api.list(Service.CORE, "/api/applications/" + app.id() + "/documents", DocumentView.class);
        model.addAttribute("app", app);
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("documents", DocumentSlots.forRequest(request.documentKinds(), request.askedAt(), providers, documents));
        DocumentOutcome.show(model, documents, attached != null && attached.matches("[0-9a-f-]{36}") ? UUID.fromString(attached) : null,
                documentError, documentKind);
        return "reply";
    }

    private ApplicationView view(UUID id) {
        return api.get(Service.CORE, "/api/applications/" + id, ApplicationView.class);
    }
}
