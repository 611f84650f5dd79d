package rs.greenvoucher.core.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import rs.greenvoucher.platform.security.Roles;
import rs.greenvoucher.platform.web.ApiException;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

@Service
public class AccountService {

    /** Hashed once, checked when a username does not exist, so a wrong name costs as long as a wrong password. */
    private final String dummyHash;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    public Account signUpApplicant(String email, String password, String fullName, String language) {
        return create(email, password, fullName, Roles.APPLICANT, email, language);
    }

    public Account createStaff(String username, String password, String fullName, String role, String email) {
        return create(username, password, fullName, role, email, "sr");
    }

    private Account create(String username, String password, String fullName, String role, String email, String language) {
        Account account = new Account(UUID.randomUUID(), username.trim(), passwordEncoder.encode(password),
                fullName.trim(), role, email == null ? null : email.trim(), language);
        if (!accounts.insert(account, clock.instant())) {
            throw new ApiException(HttpStatus.CONFLICT, "ACCOUNT_EXISTS", "An account with this name already exists.");
        }
        return account;
    }

    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> account = accounts.findByUsername(username);
        String hash = account.map(Account::passwordHash).orElse(dummyHash);
        boolean matches = passwordEncoder.matches(password, hash);
        return matches ? account : Optional.empty();
    }

    public Optional<Account> find(UUID id) {
        return accounts.findById(id);
    }

    public boolean adminExists() {
        return accounts.anyWithRole(Roles.ADMIN);
    }
}
