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
import rs.greenvoucher.web.portal.Numbers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The start page: the open call, the providers, and "Can I apply?" before any account is needed. */
@Controller
record StartController(PublicData data) {

    /** Providers shown per page of the start page's list; the rest is a search or a page away. */
    static final int PROVIDERS_PER_PAGE = 10;

    @GetMapping("/")
    String start(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("call", data.openCall().orElse(null));
        model.addAttribute("providerCount", data.activeProviders().size());
        providerPage(q, page, model);
        return "start";
    }

    /** The provider list alone, for htmx's search as you type (the full page answers the same query without it). */
    @GetMapping("/providers")
    String providers(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&page=" + Math.max(0, page)
                    + "#providers";
        }
        providerPage(q, page, model);
        return "start :: providerList";
    }

    private void providerPage(String q, int page, Model model) {
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        List<PublicData.Provider> found = search(query);
        int pages = Math.max(1, (found.size() + PROVIDERS_PER_PAGE - 1) / PROVIDERS_PER_PAGE);
        int p = Math.max(0, Math.min(page, pages - 1));
        int from = p * PROVIDERS_PER_PAGE;
        model.addAttribute("q", query);
        model.addAttribute("found", found.size());
        model.addAttribute("providers", found.subList(Math.min(from, found.size()), Math.min(from + PROVIDERS_PER_PAGE, found.size())));
        model.addAttribute("providerPage", p);
        model.addAttribute("providerPages", pages);
        model.addAttribute("shownFrom", found.isEmpty() ? 0 : from + 1);
        model.addAttribute("shownTo", Math.min(from + PROVIDERS_PER_PAGE, found.size()));
    }

    /** Name (as shown and as registered), city or kind, ignoring case and Serbian diacritics (ž = z, đ = dj, ć/č = c, š = s). */
    private List<PublicData.Provider> search(String q) {
        String needle = fold(q.trim());
        if (needle.isEmpty()) {
            return data.activeProviders();
        }
        return data.activeProviders().stream().filter(p -> fold(p.name() + " " + p.registeredName() + " " + p.city()
                + " " + p.kind() + " " + kindWords(p.kind())).contains(needle)).toList();
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
        Ownership ownership = parse(errors, answers, "ownership", Ownership::valueOf);
        Integer employees = parse(errors, answers, "employees", Integer::parseInt);
        Money turnover = parse(errors, answers, "turnover", v -> Money.eur(Numbers.parse(v)));
        Money assets = parse(errors, answers, "assets", v -> Money.eur(Numbers.parse(v)));
        LocalDate registeredOn = parse(errors, answers, "registeredOn", LocalDate::parse);
        NaceCode nace = parse(errors, answers, "nace", NaceCode::new);
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

    /** An answer left empty is "required"; one that is not a value of its kind, "invalid". */
    private static <T> T parse(Map<String, String> errors, Map<String, String> answers, String field,
                               java.util.function.Function<String, T> read) {
        String answer = answers.getOrDefault(field, "").trim();
        if (answer.isEmpty()) {
            errors.put(field, "required");
            return null;
        }
        try {
            return read.apply(answer);
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            errors.put(field, "invalid");
            return null;
        }
    }
}
