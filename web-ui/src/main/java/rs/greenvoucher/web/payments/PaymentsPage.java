package rs.greenvoucher.web.payments;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.PaymentDue;
import rs.greenvoucher.api.http.PaymentOrderView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.SignedIn;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The managers' payments (docs/adr/0032): what waits for a payment order, the orders waiting for a second manager's
 * approval, the approved ones waiting for the bank, and the last ones paid or declined. Core decides who may do what
 * (four eyes); the page only leaves out the buttons that would be refused.
 */
@Controller
record PaymentsPage(ServiceApi api) {

    @GetMapping("/dashboard/payments")
    String page(Model model) {
        return show(model, null);
    }

    @PostMapping("/dashboard/payments/propose")
    String propose(@RequestParam UUID applicationId, @RequestParam String providerCode, Model model) {
        return act(model, "proposed", () -> api.post(Service.CORE, "/api/applications/" + applicationId + "/payments",
                Map.of("providerCode", providerCode)));
    }

    @PostMapping("/dashboard/payments/{applicationId}/{paymentId}/approval")
    String approve(@PathVariable UUID applicationId, @PathVariable UUID paymentId, Model model) {
        return act(model, "approved", () -> api.post(Service.CORE,
                "/api/applications/" + applicationId + "/payments/" + paymentId + "/approval", null));
    }

    @PostMapping("/dashboard/payments/{applicationId}/{paymentId}/decline")
    String decline(@PathVariable UUID applicationId, @PathVariable UUID paymentId, @RequestParam(defaultValue = "") String reason,
                   Model model) {
        return act(model, "declined", () -> api.post(Service.CORE,
                "/api/applications/" + applicationId + "/payments/" + paymentId + "/decline", Map.of("reason", reason.trim())));
    }

    @PostMapping("/dashboard/payments/{applicationId}/{paymentId}/paid")
    String paid(@PathVariable UUID applicationId, @PathVariable UUID paymentId,
                @RequestParam(defaultValue = "") String bankReference, Model model) {
        return act(model, "paid", () -> api.post(Service.CORE,
                "/api/applications/" + applicationId + "/payments/" + paymentId + "/paid", Map.of("bankReference", bankReference.trim())));
    }

    private String act(Model model, String done, Runnable call) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return show(model, problem);
        }
        return "redirect:/dashboard/payments?" + done;
    }

    private String show(Model model, ApiProblem problem) {
        SignedIn user = ServiceApi.currentUser();
        List<PaymentOrderView> orders = api.list(Service.CORE, "/api/payments", PaymentOrderView.class);
        model.addAttribute("due", api.list(Service.CORE, "/api/payments/due", PaymentDue.class));
        model.addAttribute("proposed", orders.stream().filter(o -> o.status().equals("PROPOSED")).toList());
        model.addAttribute("approved", orders.stream().filter(o -> o.status().equals("APPROVED")).toList());
        model.addAttribute("done", orders.stream().filter(o -> o.status().equals("PAID") || o.status().equals("DECLINED"))
                .limit(50).toList());
        model.addAttribute("manager", user != null && user.role().equals("MANAGER"));
        model.addAttribute("me", user == null ? null : user.username());
        model.addAttribute("problem", problem);
        return "payments";
    }
}
