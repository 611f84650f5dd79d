package rs.greenvoucher.core.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

/**
 * Creates the first ADMIN from GV_BOOTSTRAP_ADMIN_USERNAME / GV_BOOTSTRAP_ADMIN_PASSWORD when no admin exists.
 * There is no built-in default: without both variables, no admin is created.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    BootstrapAdmin(AccountService accounts,
                   @Value("${gv.bootstrap-admin.username:}") String username,
                   @Value("${gv.bootstrap-admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.adminExists()) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("No ADMIN account exists and GV_BOOTSTRAP_ADMIN_USERNAME / GV_BOOTSTRAP_ADMIN_PASSWORD are not set.");
            return;
        }
        try {
            accounts.createStaff(username, password, "Administrator", "ADMIN", null);
            log.info("Created the bootstrap ADMIN account '{}'", username);
        } catch (Refusal e) {
            if (e.code() == RefusalCode.ACCOUNT_EXISTS) {
                log.info("Bootstrap ADMIN '{}' exists already (another instance created it)", username);
            } else {
                // core still starts: everything but administration works, and the log says what to fix
                log.error("No ADMIN created: GV_BOOTSTRAP_ADMIN_PASSWORD must be 12 to 128 characters and at most 72 bytes"
                        + " in UTF-8, and GV_BOOTSTRAP_ADMIN_USERNAME letters, digits and . _ @ - ({})", e.fields());
            }
        }
    }
}
