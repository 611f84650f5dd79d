package rs.greenvoucher.web.console;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.http.DecisionAccepted;
import rs.greenvoucher.api.http.ProviderLoad;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.start.PublicData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Provider matching: the active providers, those requested first, each with the vouchers it works on now. */
@org.springframework.stereotype.Component
record MatchingPanel(ServiceApi api, PublicData publicData) {

    record ProviderRow(String code, String name, String kind, String city, boolean requested, boolean chosen, long activeVouchers) {
    }

    List<ProviderRow> providers(ApplicationForm application, List<String> chosen) {
        List<String> requested = application.providerCodes() == null ? List.of()
                : application.providerCodes().stream().map(ProviderCode::value).toList();
        Map<String, Long> load = new LinkedHashMap<>();
        for (ProviderLoad row : api.list(Service.EVALUATION, "/api/provider-load", ProviderLoad.class)) {
            load.put(row.providerCode(), row.activeVouchers());
        }
        List<ProviderRow> rows = new ArrayList<>();
        for (PublicData.Provider p : publicData.activeProviders()) { // an inactive provider cannot be matched (P1)
            String code = p.code();
            boolean wanted = requested.contains(code);
            rows.add(new ProviderRow(code, p.name(), p.kind().name(), p.city(), wanted,
                    chosen.isEmpty() ? wanted : chosen.contains(code), load.getOrDefault(code, 0L)));
        }
        rows.sort((a, b) -> Boolean.compare(b.requested(), a.requested()));
        return rows;
    }

    Decisions.Result match(UUID id, List<String> providers, String note) {
        if (providers.isEmpty() || providers.size() > SchemeRules.MAX_PROVIDERS) {
            return Decisions.Result.invalid(Map.of("providerCodes", "console.error.providers"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerCodes", providers);
        body.put("note", FormValues.blankToNull(note));
        return Decisions.Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/provider-match", body, DecisionAccepted.class));
    }
}
