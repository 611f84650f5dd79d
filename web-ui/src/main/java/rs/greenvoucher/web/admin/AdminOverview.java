package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.http.ParkedEvents;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

/** The ADMIN's start page: the calls and what waits for attention. */
@Controller
record AdminOverview(ServiceApi api) {

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("calls", api.list(Service.CORE, "/api/calls", CallView.class));
        model.addAttribute("parkedTotal", api.get(Service.CORE, "/api/admin/parked-events", ParkedEvents.class).total());
        model.addAttribute("prequalificationWaiting", api.list(Service.CORE, "/api/provider-applications?status=SUBMITTED",
                rs.greenvoucher.api.http.ProviderApplicationView.class).size());
        return "admin/overview";
    }
}
