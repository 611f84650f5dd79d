package rs.greenvoucher.web.track;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import rs.greenvoucher.api.http.Notification;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

/** The applicant's mails, as the notification service wrote them. */
@Controller
record NotificationsPage(ServiceApi api) {

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", api.list(Service.NOTIFICATION, "/api/notifications?limit=100", Notification.class));
        return "notifications";
    }
}
