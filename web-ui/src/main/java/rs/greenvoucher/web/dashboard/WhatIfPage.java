package rs.greenvoucher.web.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.http.WhatIfAnswer;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What-if: a call's history replayed under other parameters, the call's own pre-filled; it changes nothing. */
@Controller
record WhatIfPage(ServiceApi api) {

    /** The vouchers the other parameters would have treated otherwise, by what would have happened to them. */
    record Group(String name, List<WhatIfAnswer.Voucher> vouchers) {
    }

    /** What-if: a call's history under other parameters, the call's own pre-filled. */
    @GetMapping("/dashboard/what-if")
    String whatIfForm(@RequestParam(required = false) String callId, Model model) {
        List<CallView> calls = api.list(Service.CORE, "/api/calls", CallView.class);
        Optional<CallView> call = calls.stream().filter(c -> callId == null || callId.equals(c.id().toString())).findFirst();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("callId", call.map(c -> c.id().toString()).orElse(null));
        form.put("budgetEur", call.map(c -> c.budgetEur().toPlainString()).orElse(""));
        form.put("maxVoucherEur", call.map(c -> c.maxVoucherEur().toPlainString()).orElse(""));
        form.put("maxSharePercent", call.map(c -> c.maxSharePercent().toPlainString()).orElse(""));
        form.put("completionMonths", call.map(c -> String.valueOf(c.completionMonths())).orElse(""));
        model.addAttribute("calls", calls);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        return "what-if";
    }

    @org.springframework.web.bind.annotation.PostMapping("/dashboard/what-if")
    String whatIf(@RequestParam Map<String, String> posted, Model model) {
        Map<String, Object> form = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String callId = DashboardPages.uuid(posted.get("callId"));
        form.put("callId", callId);
        body.put("callId", callId);
        for (String field : WHAT_IF_FIELDS) {
            String value = posted.getOrDefault(field, "").strip();
            form.put(field, value);
            if (!value.isEmpty()) {
                try {
                    body.put(field, field.equals("completionMonths") ? Integer.valueOf(value) : new BigDecimal(value.replace(',', '.')));
                } catch (NumberFormatException e) {
                    errors.put(field, "whatIf.notANumber");
                }
            }
        }
        model.addAttribute("calls", api.list(Service.CORE, "/api/calls", CallView.class));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (callId == null || !errors.isEmpty()) {
            return "what-if";
        }
        try {
            WhatIfAnswer answer = api.post(Service.CORE, "/api/reports/what-if", body, WhatIfAnswer.class);
            model.addAttribute("answer", answer);
            model.addAttribute("groups", List.of(new Group("refusedByS4", answer.refusedByS4()),
                    new Group("refusedByL4", answer.refusedByL4()), new Group("wouldHaveExpired", answer.wouldHaveExpired())));
        } catch (rs.greenvoucher.web.portal.ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        return "what-if";
    }

    static final List<String> WHAT_IF_FIELDS = List.of("budgetEur", "maxVoucherEur", "maxSharePercent", "completionMonths");
}
