package rs.greenvoucher.web.start;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.RuleCode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The start page: the open call, the providers, and "Can I apply?" before any account is needed. */
@Controller
class StartController {

    private final PublicData data;

    StartController(PublicData data) {
        this.data = data;
    }

    @GetMapping("/")
    String start(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("call", data.openCall().orElse(null));
        model.addAttribute("q", q);
        model.addAttribute("providers", search(q));
        model.addAttribute("providerCount", data.activeProviders().size());
        return "start";
    }

    /** The provider list alone, for htmx's search as you type (the full page answers the same query without it). */
    @GetMapping("/providers")
    String providers(@RequestParam(defaultValue = "") String q, @RequestHeader(value = "HX-Request", required = false) String htmx,
                     Model model) {
        if (htmx == null) {
            return "redirect:/?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "#providers";
        }
        model.addAttribute("q", q);
        model.addAttribute("providers", search(q));
        return "start :: providerList";
    }

    /** Name, city or kind, ignoring case and Serbian diacritics (ž = z, đ = dj, ć/č = c, š = s). */
    private List<Map<String, Object>> search(String q) {
        String needle = fold(q.trim());
        if (needle.isEmpty()) {
            return data.activeProviders();
        }
        return data.activeProviders().stream().filter(p -> fold(p.get("name") + " " + p.get("city") + " " + p.get("kind")
                + " " + kindWords(p.get("kind"))).contains(needle)).toList();
    }

    private static String kindWords(Object kind) {
        return switch (String.valueOf(kind)) {
            case "FACULTY" -> "fakultet faculty";
            case "INSTITUTE" -> "institut institute";
            default -> String.valueOf(kind).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace("đ", "dj").replace('ž', 'z').replace('ć', 'c').replace('č', 'c')
                .replace('š', 's');
    }

    @GetMapping("/can-i-apply")
    String canIApply(@RequestParam Map<String, String> answers, Model model) {
        model.addAttribute("answers", answers);
        if (answers.isEmpty()) {
            return "can-i-apply";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Ownership ownership = parse(errors, "ownership", () -> Ownership.valueOf(answers.getOrDefault("ownership", "")));
        Integer employees = parse(errors, "employees", () -> Integer.parseInt(answers.getOrDefault("employees", "").trim()));
        Money turnover = parse(errors, "turnover", () -> Money.eur(Numbers.parse(answers.get("turnover"))));
        Money assets = parse(errors, "assets", () -> Money.eur(Numbers.parse(answers.get("assets"))));
        LocalDate registeredOn = parse(errors, "registeredOn", () -> LocalDate.parse(answers.getOrDefault("registeredOn", "")));
        NaceCode nace = parse(errors, "nace", () -> NaceCode.of(answers.getOrDefault("nace", "").trim()));
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            return "can-i-apply";
        }
        List<RuleCode> broken = SchemeRules.preCheck(ownership, employees, turnover, assets, registeredOn, nace,
                LocalDate.now(SchemeRules.ZONE));
        model.addAttribute("broken", broken);
        model.addAttribute("checked", List.of(RuleCode.E1, RuleCode.E2, RuleCode.E3, RuleCode.E6));
        model.addAttribute("mixed", ownership == Ownership.MIXED);
        return "can-i-apply";
    }

    private static <T> T parse(Map<String, String> errors, String field, java.util.function.Supplier<T> value) {
        try {
            T v = value.get();
            if (v == null) {
                errors.put(field, "required");
            }
            return v;
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            errors.put(field, "invalid");
            return null;
        }
    }
}
