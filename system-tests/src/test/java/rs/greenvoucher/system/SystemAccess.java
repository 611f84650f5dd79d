package rs.greenvoucher.system;

import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.LoggedExchanges;

/** The running system for code outside this package (benchmarks, the portal's browser tests). */
public final class SystemAccess {

    private SystemAccess() {
    }

    public static HttpApi core() {
        return SystemUnderTest.get().core;
    }

    public static HttpApi evaluation() {
        return SystemUnderTest.get().evaluation;
    }

    /** Every call the portal made to a service so far, checked against that service's served OpenAPI. */
    public static LoggedExchanges.Checked portalExchanges() {
        SystemUnderTest system = SystemUnderTest.get();
        return LoggedExchanges.check(system.portalExchanges(), system.serviceBases());
    }

    public static String webUrl() {
        return SystemUnderTest.get().webUrl;
    }

    public static String evaluatorToken(String username) {
        return SystemUnderTest.get().evaluatorToken(username);
    }

    /** A token of one of the staff accounts the system was started with (jelena, marko: evaluators; milos: manager). */
    public static String staffToken(String username) {
        return SystemUnderTest.get().evaluatorToken(username);
    }

    public static String staffPassword() {
        return SystemUnderTest.EVALUATOR_PASSWORD;
    }

    public static String adminPassword() {
        return SystemUnderTest.ADMIN_PASSWORD;
    }

    /** One of the operator's settings the portal was started with (GV_OPERATOR_NAME, ...). */
    public static String operator(String variable) {
        return SystemUnderTest.OPERATOR.get(variable);
    }

    public static String adminToken() {
        return SystemUnderTest.get().adminToken();
    }
}
