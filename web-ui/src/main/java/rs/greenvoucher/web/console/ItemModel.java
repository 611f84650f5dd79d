package rs.greenvoucher.web.console;

import org.springframework.ui.Model;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.EnterpriseApplication;
import rs.greenvoucher.api.http.QueueItem;
import rs.greenvoucher.api.http.WorkItem;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.SignedIn;
import rs.greenvoucher.web.start.PublicData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an item's page shows, read from the evaluation service and core: the page's view model. */
@org.springframework.stereotype.Component
record ItemModel(ServiceApi api, Decisions decisions, PublicData data) {

    WorkItem workItem(UUID id) {
        return api.get(Service.EVALUATION, "/api/work-items/" + id, WorkItem.class);
    }

    ApplicationView view(UUID id) {
        return api.get(Service.CORE, "/api/applications/" + id, ApplicationView.class);
    }

    /** The item's page: the item, the application as submitted and as the applicant sees it, its history and its panel. */
    void fill(UUID id, WorkItem workItem, Model model) {
        QueueItem item = workItem.item();
        ApplicationForm application = workItem.application();
        ApplicationView app = view(id);
        SignedIn user = ServiceApi.currentUser();
        String mb = application.enterprise().mb().value();
        List<EnterpriseApplication> earlier = api.list(Service.EVALUATION, "/api/work-items?mb=" + URLEncoder.encode(mb, StandardCharsets.UTF_8),
                EnterpriseApplication.class).stream().filter(e -> !id.equals(e.applicationId())).toList();
        model.addAttribute("id", id);
        model.addAttribute("item", item);
        // not "application": Thymeleaf keeps that name for the servlet context, which hid every value of the panel
        model.addAttribute("submitted", application);
        Map<String, String> providerNames = new LinkedHashMap<>();
        for (ProviderCode code : application.providerCodes()) {
            providerNames.put(code.value(), data.providerName(code.value()).orElse(code.value()));
        }
        model.addAttribute("providerNames", providerNames);
        model.addAttribute("app", app);
        model.addAttribute("decisionsTaken", workItem.decisions());
        model.addAttribute("earlier", earlier);
        model.addAttribute("mine", user != null && item.claimedBy(user.accountId().toString()));
        boolean judges = user != null && (user.role().equals("EVALUATOR") || user.role().equals("ADMIN"));
        model.addAttribute("canAct", judges);
        // the files the evaluator checks the figures against (a manager's figures need none: core refuses them)
        model.addAttribute("documents", judges ? api.list(Service.CORE, "/api/applications/" + id + "/documents",
                rs.greenvoucher.api.http.DocumentView.class) : null);
        // at completion verification the evaluator checks the invoices against the agreed amounts
        model.addAttribute("money", app.voucher() != null
                ? api.get(Service.CORE, "/api/applications/" + id + "/money", rs.greenvoucher.api.http.VoucherMoneyView.class) : null);
        model.addAttribute("fourEyes", user != null && FourEyesNotice.applies(item.stage(), user.accountId().toString(), workItem.decisions()));
        model.addAttribute("exchanges", workItem.information() == null ? List.of() : workItem.information());
        model.addAttribute("askable", item.waitingUntil() == null ? InformationPanel.at(item.stage()) : null);
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        if (item.stage() != null) {
            Map<String, Object> panel = decisions.panel(item.stage(), workItem, app);
            model.addAttribute("panel", panel);
            model.addAttribute("preview", panel.get("preview"));
        }
    }
}
