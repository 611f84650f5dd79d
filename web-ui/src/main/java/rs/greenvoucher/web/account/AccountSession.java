package rs.greenvoucher.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.LocaleResolver;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.web.portal.Formats;
import rs.greenvoucher.web.portal.SignedIn;

/** The portal's session of a person: started at sign-in, its language, and its copy of the profile kept current. */
@org.springframework.stereotype.Component
record AccountSession(LocaleResolver locales) {

    void start(HttpServletRequest request, SignedIn user) {
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // a new session id at sign-in (no fixation)
        session.setAttribute(SignedIn.ATTRIBUTE, user);
        setLanguage(request, user.language());
    }

    void setLanguage(HttpServletRequest request, String language) {
        locales.setLocale(request, null, Formats.locale(language));
    }

    void refreshProfile(SignedIn user, AccountView me) {
        HttpSession session = currentSession();
        if (user != null && session != null) {
            session.setAttribute(SignedIn.ATTRIBUTE, user.withProfile(me.fullName(), me.preferredLanguage(), me.emailVerified()));
        }
    }

    private static HttpSession currentSession() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s
                ? s.getRequest().getSession(false) : null;
    }
}
