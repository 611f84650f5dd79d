package rs.greenvoucher.web.apply;

import rs.greenvoucher.api.application.FormLimits;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.web.portal.Forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A draft (text as typed) turned into the API's application form (numbers, dates, booleans), with the fields whose
 * text is not a value of their kind. Whether a value is allowed is the API's to say; this reads it, and says at the
 * field what the API would refuse it for on its own (FormLimits' lengths and bounds, a registration date in the
 * future, E9's planned start), so nobody learns it only at the check page or loses a step to it.
 */
final class ApiForm extends DraftReader {

    /**
     * Message keys: error.number, error.date, error.mb, error.pib, error.nace, error.email, error.whole,
     * error.controlCharacter, error.registeredInFuture, error.plannedStartPast; error.tooLong:N and error.amountTooLarge:N
     * with their bound.
     */
    record Result(Map<String, Object> form, Map<String, String> errors) {
    }

    private final LocalDate today;

    private ApiForm(Map<String, Object> draft, LocalDate today) {
        super(draft);
        this.today = today;
    }

    static Result from(Map<String, Object> draft) {
        return from(draft, LocalDate.now(rs.greenvoucher.api.SchemeRules.ZONE));
    }

    static Result from(Map<String, Object> draft, LocalDate today) {
        ApiForm f = new ApiForm(draft, today);
        return new Result(f.build(), f.errors);
    }

    /** The format errors of one step's fields only (shown when the step is saved). */
    static Map<String, String> errorsOf(Map<String, Object> draft, int step) {
        Map<String, String> all = from(draft).errors();
        Map<String, String> mine = new LinkedHashMap<>();
        all.forEach((path, key) -> {
            if (Steps.stepOf(path) == step) {
                mine.put(path, key);
            }
        });
        return mine;
    }

    private Map<String, Object> build() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("enterprise", enterprise());
        form.put("project", project());
        List<Object> providers = new ArrayList<>();
        for (int i = 0; i < rows("providerCodes"); i++) {
            String code = text("providerCodes[" + i + "]");
            if (code != null && !providers.contains(code)) {
                providers.add(code);
            }
        }
        form.put("providerCodes", providers);
        Map<String, Object> d = new LinkedHashMap<>();
        for (String f : Steps.DECLARATIONS) {
            d.put(f, "true".equals(text("declarations." + f)));
        }
        form.put("declarations", d);
        return form;
    }

    private Map<String, Object> enterprise() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("mb", checked("enterprise.mb", "error.mb", v -> new Mb(v).value()));
        e.put("pib", checked("enterprise.pib", "error.pib", v -> new Pib(v).value()));
        e.put("name", limited("enterprise.name"));
        e.put("address", limited("enterprise.address"));
        e.put("region", checked("enterprise.region", "error.choose",
                v -> rs.greenvoucher.api.application.Region.valueOf(Forms.region(v)).label()));
        e.put("naceCode", checked("enterprise.naceCode", "error.nace", v -> new NaceCode(v).value()));
        String registeredOn = date("enterprise.registeredOn");
        if (registeredOn != null && FormLimits.registeredInTheFuture(LocalDate.parse(registeredOn), today)) {
            errors.put("enterprise.registeredOn", "error.registeredInFuture");
        }
        e.put("registeredOn", registeredOn);
        e.put("ownership", text("enterprise.ownership"));
        e.put("employees", whole("enterprise.employees"));
        e.put("annualTurnoverEur", money("enterprise.annualTurnoverEur"));
        e.put("totalAssetsEur", money("enterprise.totalAssetsEur"));
        e.put("greenRole", text("enterprise.greenRole"));
        e.put("contactName", limited("enterprise.contactName"));
        e.put("contactEmail", email("enterprise.contactEmail"));
        return e;
    }

    private Map<String, Object> project() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", limited("project.title"));
        p.put("description", limited("project.description"));
        List<Object> services = new ArrayList<>();
        for (int i = 0; i < rows("project.services"); i++) {
            String row = "project.services[" + i + "]";
            if (blankRow(row, Steps.SERVICE)) {
                continue;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", text(row + ".type"));
            s.put("description", limited(row + ".description"));
            s.put("costEur", money(row + ".costEur"));
            s.put("justification", limited(row + ".justification"));
            services.add(s);
        }
        p.put("services", services);
        String plannedStart = date("project.plannedStart");
        if (plannedStart != null && !rs.greenvoucher.api.SchemeRules.startsAfter(LocalDate.parse(plannedStart), today)) {
            errors.put("project.plannedStart", "error.plannedStartPast"); // E9, as the submission would refuse it
        }
        p.put("plannedStart", plannedStart);
        List<Object> indicators = new ArrayList<>();
        for (int i = 0; i < rows("project.environmentalIndicators"); i++) {
            String row = "project.environmentalIndicators[" + i + "]";
            if (blankRow(row, Steps.INDICATOR)) {
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("indicator", text(row + ".indicator"));
            t.put("unit", limited(row + ".unit"));
            t.put("baseline", number(row + ".baseline"));
            t.put("target", number(row + ".target"));
            indicators.add(t);
        }
        p.put("environmentalIndicators", indicators);
        p.put("requestedVoucherEur", money("project.requestedVoucherEur"));
        p.put("capitalEquipmentEur", money("project.capitalEquipmentEur"));
        return p;
    }
}
