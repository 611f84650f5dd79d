package rs.greenvoucher.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The browser's request being served on this thread, its session, and the person signed in on it. */
final class PortalSession {

    private PortalSession() {
    }

    static SignedIn currentUser() {
        HttpSession session = session();
        return session == null ? null : (SignedIn) session.getAttribute(SignedIn.ATTRIBUTE);
    }

    static HttpSession session() {
        HttpServletRequest request = browserRequest();
        return request == null ? null : request.getSession(false);
    }

    static HttpServletRequest browserRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }
}
