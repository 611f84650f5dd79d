package rs.greenvoucher.web.about;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every public service has, linked from every page's footer: contact, the privacy notice, the
 * accessibility statement and the cookie note. Their words are in the messages (sr/en); who runs the portal is the
 * deployment's ({@link Operator}). Each page is its template under {@code about/}, by its path.
 */
@Controller
class AboutPages {

    @GetMapping({"/contact", "/privacy", "/accessibility", "/cookies"})
    String page(HttpServletRequest request) {
        return "about" + request.getServletPath();
    }
}
