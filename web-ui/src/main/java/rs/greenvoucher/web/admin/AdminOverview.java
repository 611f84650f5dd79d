package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;

/** The ADMIN's start page: the calls and what waits for attention. */
@Controller
record AdminOverview(ServiceApi api) {

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("calls", ServiceApi.list(api.get(Service.CORE, "/api/calls")));
        long parked = ServiceApi.map(ServiceApi.map(api.get(Service.CORE, "/api/admin/parked-events")).get("counts")).values().stream()
                .mapToLong(n -> n instanceof Number number ? number.longValue() : 0).sum();
        model.addAttribute("parkedTotal", parked);
        return "admin/overview";
    }
}
