package rs.greenvoucher.web.portal;

import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every page's layout needs, and what a page shows when a service refuses or is away. */
@ControllerAdvice
public class PageModel {

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("user", ServiceApi.currentUser());
        String here = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        model.addAttribute("here", here);
        // the choices of the forms (templates may not call static code where their values become attributes)
        model.addAttribute("regions", rs.greenvoucher.api.application.Region.values());
        model.addAttribute("ownerships", rs.greenvoucher.api.application.Ownership.values());
        model.addAttribute("greenRoles", rs.greenvoucher.api.application.GreenRole.values());
        model.addAttribute("serviceTypes", rs.greenvoucher.api.application.ServiceType.values());
        model.addAttribute("indicators", rs.greenvoucher.api.application.Indicator.values());
        model.addAttribute("stepNames", java.util.List.of("enterprise", "project", "services", "providers", "indicators",
                "declarations"));
    }

    /** A problem no page handled itself: an expired session goes to sign-in, the rest to a page that says what happened. */
    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request) {
        if (problem.status() == 401) {
            return new ModelAndView("redirect:/sign-in?expired");
        }
        ModelAndView page = new ModelAndView("problem");
        page.addObject("problem", problem);
        page.addObject("user", ServiceApi.currentUser());
        page.addObject("here", request.getRequestURI());
        page.setStatus(switch (problem.status()) {
            case 0 -> org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;
            case 403 -> org.springframework.http.HttpStatus.FORBIDDEN;
            case 404 -> org.springframework.http.HttpStatus.NOT_FOUND;
            case 429 -> org.springframework.http.HttpStatus.TOO_MANY_REQUESTS;
            default -> problem.status() >= 500 ? org.springframework.http.HttpStatus.BAD_GATEWAY
                    : org.springframework.http.HttpStatus.CONFLICT;
        });
        return page;
    }
}
