package rs.greenvoucher.system;

import rs.greenvoucher.infra.HttpApi;

/** The running system for code outside this package (benchmarks). */
public final class SystemAccess {

    private SystemAccess() {
    }

    public static HttpApi core() {
        return SystemUnderTest.get().core;
    }

    public static HttpApi evaluation() {
        return SystemUnderTest.get().evaluation;
    }
}
