package rs.greenvoucher.platform.web.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's /error page: whatever the servlet container forwards here (an error outside Spring MVC's
 * handlers, a rejected request, a filter's sendError) is answered as problem+json with a code and no internals.
 */
@org.springframework.web.bind.annotation.RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<String> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer s ? s : 500;
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemErrors.json(code));
    }
}
