package rs.greenvoucher.web.about;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every public service has, linked from every page's footer: contact, the privacy notice, the
 * accessibility statement and the cookie note. Their words are in the messages (sr/en); who runs the portal is the
 * deployment's ({@link Operator}).
 */
@Controller
class AboutPages {

    @GetMapping("/contact")
    String contact() {
        return "about/contact";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "about/privacy";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "about/accessibility";
    }

    @GetMapping("/cookies")
    String cookies() {
        return "about/cookies";
    }
}
