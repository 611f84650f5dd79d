package rs.greenvoucher.local;

import java.io.IOException;

/** The demo's business data: an open call and a few applications. Extended as the API grows. */
final class DemoScenario {

    private DemoScenario() {
    }

    static void load(DemoData demo, String adminToken) throws IOException, InterruptedException {
        // filled in with calls and applications once core serves them
    }
}
