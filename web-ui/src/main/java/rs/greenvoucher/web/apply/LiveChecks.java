package rs.greenvoucher.web.apply;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.web.portal.Numbers;
import rs.greenvoucher.web.start.PublicData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the wizard's pages check as the applicant types (htmx): the services' totals, and MB and PIB. */
@Controller
record LiveChecks(PublicData data) {

    /** Live totals of the services step (htmx posts the step's form here as it is typed). */
    @PostMapping("/drafts/{id}/totals")
    String totals(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted, Model model) {
        List<BigDecimal> costs = new ArrayList<>();
        for (int i = 0; i < Steps.MAX_ROWS; i++) {
            try {
                BigDecimal cost = Numbers.parse(posted.getFirst("project.services[" + i + "].costEur"));
                if (cost != null) {
                    costs.add(cost);
                }
            } catch (NumberFormatException e) {
                // not a number yet: left out of the total until it is
            }
        }
        BigDecimal requested;
        try {
            requested = Numbers.parse(posted.getFirst("project.requestedVoucherEur"));
        } catch (NumberFormatException e) {
            requested = null;
        }
        model.addAttribute("totals", Totals.of(costs, requested, data.openCall().orElse(null)));
        return "wizard/services :: totals";
    }

    /** MB and PIB checked as they are typed (htmx). */
    @GetMapping("/drafts/field-check")
    String fieldCheck(@RequestParam MultiValueMap<String, String> query, Model model) {
        String mb = query.getFirst("enterprise.mb");
        String pib = query.getFirst("enterprise.pib");
        String field = mb != null ? "mb" : "pib";
        String value = mb != null ? mb : (pib == null ? "" : pib);
        boolean valid = mb != null ? Mb.isValid(value.trim()) : Pib.isValid(value.trim());
        model.addAttribute("field", field);
        model.addAttribute("blank", value.isBlank());
        model.addAttribute("valid", valid);
        return "wizard/hints :: hint";
    }
}
