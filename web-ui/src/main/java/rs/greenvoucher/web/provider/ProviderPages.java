package rs.greenvoucher.web.provider;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.api.http.ProviderApplicationView;
import rs.greenvoucher.api.http.ProviderVoucher;
import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.web.apply.DraftDocuments;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.PassedOnFile;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.start.PublicData;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    String home(Model model, @RequestParam(required = false) String documentError) {
        // only the portal's own words for a refused file (DraftDocuments), never a text from the address
        model.addAttribute("documentError", documentError != null && documentError.matches("document\\.error\\.[a-zA-Z]+") ? documentError : null);
        return page(model, Map.of(), null);
    }

    /** A document of the waiting application: a register extract, or a reference or an accreditation. */
    @PostMapping(path = "/provider/pre-qualification/{id}/documents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(@org.springframework.web.bind.annotation.PathVariable UUID id, @RequestParam("kind") String kind,
                  @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return "redirect:/provider?" + DraftDocuments.attach(api, "/api/provider-applications/" + id + "/documents", kind, null, file)
                + "#documents";
    }

    @GetMapping("/provider/pre-qualification/{id}/documents/{document}")
    org.springframework.http.ResponseEntity<byte[]> open(@org.springframework.web.bind.annotation.PathVariable UUID id,
                                                         @org.springframework.web.bind.annotation.PathVariable UUID document) {
        return PassedOnFile.of(api.file(Service.CORE, "/api/provider-applications/" + id + "/documents/" + document + "/content"));
    }

    /** An invoice for one service of an approved voucher, with its PDF; refused with the rule or the field that says why. */
    @PostMapping(path = "/provider/vouchers/{id}/invoices", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    String invoice(@org.springframework.web.bind.annotation.PathVariable UUID id, @RequestParam Map<String, String> form,
                   @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                   Model model) throws java.io.IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : List.of("serviceIndex", "number", "issuedOn", "amountEur")) {
            fields.put(f, form.getOrDefault(f, "").trim());
        }
        // 11.000,00 as Serbian people write it, or 11000.00
        fields.put("amountEur", amount(fields.get("amountEur")));
        try {
            api.upload(Service.CORE, "/api/provider/vouchers/" + id + "/invoices", fields,
                    file == null || file.getOriginalFilename() == null ? "faktura.pdf" : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes(), rs.greenvoucher.api.http.InvoiceView.class);
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("invoiceProblem", problem);
            model.addAttribute("invoiceFor", id);
            return page(model, Map.of(), null);
        }
        return "redirect:/provider?invoiced#vouchers-title";
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
        Map<UUID, List<DocumentView>> documents = new LinkedHashMap<>();
        applications.stream().filter(a -> a.status().equals("SUBMITTED")).forEach(a -> documents.put(a.id(),
                api.list(Service.CORE, "/api/provider-applications/" + a.id() + "/documents", DocumentView.class)));
        model.addAttribute("documents", documents);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("invoiceProblem")) {
            model.addAttribute("invoiceProblem", null);
            model.addAttribute("invoiceFor", null);
        }
        if (me.providerCode() != null) {
            model.addAttribute("providerName", publicData.providerName(me.providerCode()).orElse(""));
            model.addAttribute("vouchers", api.list(Service.CORE, "/api/provider/vouchers", ProviderVoucher.class));
        }
        return "provider/home";
    }

    /** An amount as a person typed it (Numbers), passed on as core reads it; what is not a number core refuses. */
    static String amount(String typed) {
        try {
            java.math.BigDecimal amount = rs.greenvoucher.web.portal.Numbers.parse(typed);
            return amount == null ? "" : amount.toPlainString();
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
