package rs.greenvoucher.web.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.SignedIn;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Confirming the address, the profile, "download my data" and the language of the pages (and of one's mails). */
@Controller
record ProfilePages(ServiceApi api, AccountSession session) {

    @GetMapping("/confirm-email")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            api.getAnonymous(Service.CORE, "/api/accounts/email-verification?token="
                    + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8), AccountView.class);
            model.addAttribute("confirmed", true);
            SignedIn user = ServiceApi.currentUser();
            if (user != null) {
                // the session's view of the account catches up at once
                session.refreshProfile(user, api.get(Service.CORE, "/api/accounts/me", AccountView.class));
            }
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("confirmed", false);
        }
        return "confirm-email";
    }

    @PostMapping("/confirm-email/again")
    String sendAgain(Model model) {
        try {
            api.post(Service.CORE, "/api/accounts/me/email-verification", Map.of());
            return "redirect:" + back() + "?linkSent";
        } catch (ApiProblem problem) {
            if (problem.status() == 429) {
                return "redirect:" + back() + "?linkWait";
            }
            throw problem;
        }
    }

    /** The page the notice about the address is on: a provider's own page, else the applicant's list. */
    private static String back() {
        SignedIn user = ServiceApi.currentUser();
        return user != null && user.provider() ? "/provider" : "/applications";
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("me", api.get(Service.CORE, "/api/accounts/me", AccountView.class));
        return "profile";
    }

    /**
     * GDPR access: everything the services keep about the signed-in person in one JSON file: core's (the account, the
     * applications with every event, the drafts) and the mails the notification service sent.
     */
    @GetMapping("/profile/my-data")
    org.springframework.http.ResponseEntity<byte[]> myData() {
        ObjectNode data = (ObjectNode) api.document(Service.CORE, "/api/accounts/me/data");
        data.set("notifications", api.document(Service.NOTIFICATION, "/api/notifications?limit=500"));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"green-voucher-my-data.json\"")
                .body(api.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
    }

    @PostMapping("/profile")
    String saveProfile(@RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "sr") String language,
                       Model model, HttpServletRequest request) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("fullName", fullName.trim());
        change.put("preferredLanguage", "en".equals(language) ? "en" : "sr");
        try {
            AccountView me = api.patch(Service.CORE, "/api/accounts/me", change, AccountView.class);
            session.refreshProfile(ServiceApi.currentUser(), me);
            session.setLanguage(request, me.preferredLanguage());
            return "redirect:/profile?saved";
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500) {
                throw problem;
            }
            AccountView me = api.get(Service.CORE, "/api/accounts/me", AccountView.class);
            model.addAttribute("me", new AccountView(me.id(), me.username(), fullName, me.role(), me.email(), me.preferredLanguage(),
                    me.emailVerified(), me.disabled(), me.disabledAt(), me.providerCode())); // as typed, to correct
            model.addAttribute("problem", problem);
            return "profile";
        }
    }

    /** Switches the language of every page; for a signed-in person, also of their account (and so their mails). */
    @PostMapping("/language")
    String language(@RequestParam(defaultValue = "sr") String lang, @RequestParam(defaultValue = "/") String back,
                    HttpServletRequest request) {
        String language = "en".equals(lang) ? "en" : "sr";
        session.setLanguage(request, language);
        SignedIn user = ServiceApi.currentUser();
        if (user != null) {
            try {
                session.refreshProfile(user, api.patch(Service.CORE, "/api/accounts/me", Map.of("preferredLanguage", language), AccountView.class));
            } catch (ApiProblem problem) {
                // the page still switches; the account keeps its language until the next try
            }
        }
        return "redirect:" + (SignInPages.safeNext(back).isEmpty() ? "/" : SignInPages.safeNext(back));
    }
}
