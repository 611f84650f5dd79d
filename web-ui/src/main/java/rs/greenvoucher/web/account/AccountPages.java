package rs.greenvoucher.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.Formats;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.SignedIn;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sign up, confirm the address, sign in and out, the profile and the language. */
@Controller
record AccountPages(ServiceApi api, LocaleResolver locales) {

    @GetMapping("/sign-up")
    String signUpPage(Model model) {
        model.addAttribute("form", Map.of());
        return "sign-up";
    }

    @PostMapping("/sign-up")
    String signUp(@RequestParam Map<String, String> form, Model model, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", form.getOrDefault("fullName", "").trim());
        body.put("email", form.getOrDefault("email", "").trim());
        body.put("password", form.getOrDefault("password", ""));
        body.put("preferredLanguage", Formats.language());
        try {
            api.postAnonymous(Service.CORE, "/api/accounts/applicants", body);
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500) {
                throw problem;
            }
            form.remove("password"); // never sent back to the browser
            model.addAttribute("form", form);
            model.addAttribute("problem", problem);
            return "sign-up";
        }
        SignedIn user = api.signIn((String) body.get("email"), (String) body.get("password"));
        start(request, user);
        return "redirect:/applications?welcome";
    }

    @GetMapping("/sign-in")
    String signInPage(@RequestParam(defaultValue = "") String next, Model model) {
        model.addAttribute("next", safeNext(next));
        model.addAttribute("username", "");
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String next, Model model, HttpServletRequest request) {
        try {
            SignedIn user = api.signIn(username.trim(), password);
            start(request, user);
            return "redirect:" + (safeNext(next).isEmpty() ? user.home() : safeNext(next));
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("username", username);
            model.addAttribute("next", safeNext(next));
            return "sign-in";
        }
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SignedIn user = ServiceApi.currentUser();
        if (user != null) {
            api.signOut(user);
        }
        Object locale = session == null ? null : session.getAttribute(SessionLocale.ATTRIBUTE);
        if (session != null) {
            session.invalidate();
        }
        if (locale != null) {
            request.getSession(true).setAttribute(SessionLocale.ATTRIBUTE, locale);
        }
        return "redirect:/?signedOut";
    }

    @GetMapping("/confirm-email")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            api.getAnonymous(Service.CORE, "/api/accounts/email-verification?token="
                    + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
            model.addAttribute("confirmed", true);
            SignedIn user = ServiceApi.currentUser();
            if (user != null) {
                // the session's view of the account catches up at once
                Map<String, Object> me = ServiceApi.map(api.get(Service.CORE, "/api/accounts/me"));
                refreshProfile(user, me);
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
            return "redirect:/applications?linkSent";
        } catch (ApiProblem problem) {
            if (problem.status() == 429) {
                return "redirect:/applications?linkWait";
            }
            throw problem;
        }
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("me", ServiceApi.map(api.get(Service.CORE, "/api/accounts/me")));
        return "profile";
    }

    /**
     * GDPR access: everything the services keep about the signed-in person in one JSON file: core's (the account, the
     * applications with every event, the drafts) and the mails the notification service sent.
     */
    @GetMapping("/profile/my-data")
    org.springframework.http.ResponseEntity<byte[]> myData() {
        Map<String, Object> data = new LinkedHashMap<>(ServiceApi.map(api.get(Service.CORE, "/api/accounts/me/data")));
        data.put("notifications", api.get(Service.NOTIFICATION, "/api/notifications?limit=500"));
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
            Map<String, Object> me = ServiceApi.map(api.patch(Service.CORE, "/api/accounts/me", change));
            refreshProfile(ServiceApi.currentUser(), me);
            setLanguage(request, (String) me.get("preferredLanguage"));
            return "redirect:/profile?saved";
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500) {
                throw problem;
            }
            Map<String, Object> me = new LinkedHashMap<>(ServiceApi.map(api.get(Service.CORE, "/api/accounts/me")));
            me.put("fullName", fullName);
            model.addAttribute("me", me);
            model.addAttribute("problem", problem);
            return "profile";
        }
    }

    /** Switches the language of every page; for a signed-in person, also of their account (and so their mails). */
    @PostMapping("/language")
    String language(@RequestParam(defaultValue = "sr") String lang, @RequestParam(defaultValue = "/") String back,
                    HttpServletRequest request) {
        String language = "en".equals(lang) ? "en" : "sr";
        setLanguage(request, language);
        SignedIn user = ServiceApi.currentUser();
        if (user != null) {
            try {
                Map<String, Object> me = ServiceApi.map(api.patch(Service.CORE, "/api/accounts/me",
                        Map.of("preferredLanguage", language)));
                refreshProfile(user, me);
            } catch (ApiProblem problem) {
                // the page still switches; the account keeps its language until the next try
            }
        }
        return "redirect:" + (safeNext(back).isEmpty() ? "/" : safeNext(back));
    }

    private void start(HttpServletRequest request, SignedIn user) {
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // a new session id at sign-in (no fixation)
        session.setAttribute(SignedIn.ATTRIBUTE, user);
        setLanguage(request, user.language());
    }

    private void setLanguage(HttpServletRequest request, String language) {
        locales.setLocale(request, null, Formats.locale(language));
    }

    private static void refreshProfile(SignedIn user, Map<String, Object> me) {
        HttpSession session = currentSession();
        if (user != null && session != null) {
            session.setAttribute(SignedIn.ATTRIBUTE, user.withProfile((String) me.get("fullName"),
                    (String) me.get("preferredLanguage"), Boolean.TRUE.equals(me.get("emailVerified"))));
        }
    }

    private static HttpSession currentSession() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s
                ? s.getRequest().getSession(false) : null;
    }

    /** Only a path of this portal: never an address elsewhere (no open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\r")
                || next.contains("\n")) {
            return "";
        }
        return next;
    }

    /** The session attribute SessionLocaleResolver keeps the language under. */
    static final class SessionLocale {
        static final String ATTRIBUTE = org.springframework.web.servlet.i18n.SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME;

        private SessionLocale() {
        }
    }
}
