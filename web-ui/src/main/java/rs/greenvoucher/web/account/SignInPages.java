package rs.greenvoucher.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.Formats;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;
import rs.greenvoucher.web.portal.SignedIn;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sign up, sign in and sign out. */
@Controller
record SignInPages(ServiceApi api, AccountSession session) {

    @GetMapping("/sign-up")
    String signUpPage(Model model) {
        model.addAttribute("form", Map.of());
        return "sign-up";
    }

    /** The same page for a person of an R&D organisation, who then applies for pre-qualification. */
    @GetMapping("/sign-up/provider")
    String providerSignUpPage(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("provider", true);
        return "sign-up";
    }

    @PostMapping("/sign-up/provider")
    String providerSignUp(@RequestParam Map<String, String> form, Model model, HttpServletRequest request) {
        model.addAttribute("provider", true);
        return signUp(form, model, request, "/api/accounts/providers", "redirect:/provider?welcome");
    }

    @PostMapping("/sign-up")
    String signUp(@RequestParam Map<String, String> form, Model model, HttpServletRequest request) {
        return signUp(form, model, request, "/api/accounts/applicants", "redirect:/applications?welcome");
    }

    private String signUp(Map<String, String> form, Model model, HttpServletRequest request, String path, String welcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", form.getOrDefault("fullName", "").trim());
        body.put("email", form.getOrDefault("email", "").trim());
        body.put("password", form.getOrDefault("password", ""));
        body.put("preferredLanguage", Formats.language());
        try {
            api.postAnonymous(Service.CORE, path, body);
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
        session.start(request, user);
        return welcome;
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
            session.start(request, user);
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
