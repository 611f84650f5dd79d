package rs.greenvoucher.web.admin;

import rs.greenvoucher.web.portal.ApiProblem;

/** How an ADMIN page's form is sent: one call to a service's API with the admin's own token. */
final class AdminForms {

    private AdminForms() {
    }

    interface OnProblem {
        String page(ApiProblem problem);
    }

    /** One write: on success the redirect, on a refusal the page again with the service's words (never a 5xx page). */
    static String act(Runnable call, String redirect, OnProblem onProblem, Runnable after) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return onProblem.page(problem);
        }
        after.run();
        return redirect;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
