package rs.greenvoucher.core.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.Roles;
import rs.greenvoucher.platform.throttling.Throttle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts: sign-up with a verified e-mail, staff accounts, disable, enable and erase ({@link SignIns} signs them in). Every change that must reach other services (a verification link, a lock, revoked
 * tokens) is an account event in the same transaction (AccountOutbox).
 */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final EmailConfirmations confirmations;
    private final SignIns signIns;
    private final WrongPasswords wrongPasswords;
    private final AccountOutbox outbox;
    private final PasswordEncoder passwordEncoder;
    private final Throttle throttle;
    private final Clock clock = Clock.systemUTC();
    private final Throttle.Limit signUpsPerEmail;

    AccountService(AccountRepository accounts, EmailConfirmations confirmations, SignIns signIns, WrongPasswords wrongPasswords,
                   AccountOutbox outbox,
                   PasswordEncoder passwordEncoder, Throttle throttle,
                   @Value("${gv.throttle.sign-ups-per-email:3/PT1H}") String signUpsPerEmail) {
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.signIns = signIns;
        this.wrongPasswords = wrongPasswords;
        this.outbox = outbox;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.signUpsPerEmail = Throttle.Limit.parse(signUpsPerEmail);
    }

    /** A new applicant, not yet verified: a verification link goes to the address. */
    @Transactional
    public Account signUpApplicant(String email, String password, String fullName, String language) {
        return signUp(email, password, fullName, language, Roles.APPLICANT);
    }

    /** A person of an R&D organisation, not yet verified, acting for no provider until linked to one. */
    @Transactional
    public Account signUpProvider(String email, String password, String fullName, String language) {
        return signUp(email, password, fullName, language, Roles.PROVIDER);
    }

    private Account signUp(String email, String password, String fullName, String language, String role) {
        Passwords.check("password", password);
        throttle.tryTake("sign-up:" + email.trim().toLowerCase(Locale.ROOT), signUpsPerEmail).ifPresent(wait -> {
            throw Refusal.tooManyRequests(RefusalCode.TOO_MANY_REQUESTS, "Too many sign-ups for this address; try again later.", wait);
        });
        Account account = create(email, password, fullName, role, email, language, null);
        confirmations.request(account);
        return account;
    }

    /** Staff accounts are created by an ADMIN, who vouches for their address. */
    @Transactional
    public Account createStaff(String username, String password, String fullName, String role, String email) {
        Passwords.check("password", password);
        return create(username, password, fullName, role, email, "sr", clock.instant());
    }

    private Account create(String username, String password, String fullName, String role, String email, String language,
                           Instant verifiedAt) {
        Account account = new Account(UUID.randomUUID(), username.trim(), passwordEncoder.encode(password),
                fullName.trim(), role, email == null ? null : email.trim(), language, verifiedAt, null, 1, null);
        if (!accounts.insert(account, clock.instant())) {
            throw new Refusal(RefusalCode.ACCOUNT_EXISTS, "An account with this name already exists.");
        }
        return account;
    }

    @Transactional
    public Account disable(UUID adminId, UUID accountId) {
        if (adminId.equals(accountId)) {
            throw new Refusal(RefusalCode.CANNOT_DISABLE_YOURSELF, "An administrator cannot disable their own account.");
        }
        accounts.findById(accountId).orElseThrow(Refusal::notFound);
        int version = accounts.disable(accountId, clock.instant());
        signIns.revoke(accountId, version, "DISABLED");
        return accounts.findById(accountId).orElseThrow();
    }

    /**
     * Erases an applicant's account (docs/adr/0011); joins the erasure's transaction. A staff account is disabled
     * instead: the decisions it took name it.
     */
    @Transactional
    public void eraseApplicant(UUID accountId) {
        Account account = requireApplicant(accountId);
        wrongPasswords.forget(account.username());
        if (account.email() != null) {
            throttle.reset("sign-up:" + account.email().trim().toLowerCase(Locale.ROOT), signUpsPerEmail);
        }
        int version = accounts.anonymise(accountId, clock.instant());
        signIns.revoke(accountId, version, "ERASED");
    }

    /** The account, if it is an applicant's: only theirs is erased on request. */
    public Account requireApplicant(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(Refusal::notFound);
        if (!"APPLICANT".equals(account.role())) {
            throw new Refusal(RefusalCode.NOT_AN_APPLICANT,
                    "Only an applicant's personal data is erased on request; disable a staff account instead.");
        }
        return account;
    }

    @Transactional
    public Account enable(UUID accountId) {
        accounts.findById(accountId).orElseThrow(Refusal::notFound);
        accounts.enable(accountId);
        return accounts.findById(accountId).orElseThrow();
    }

    /** The account's own name and language (the language of its mails and of the portal). */
    public Account updateProfile(UUID accountId, String fullName, String language) {
        accounts.updateProfile(accountId, fullName, language);
        return accounts.findById(accountId).orElseThrow(Refusal::notFound);
    }

    public Optional<Account> find(UUID id) {
        return accounts.findById(id);
    }

    public List<Account> list(String role) {
        return accounts.list(role, 500);
    }

    public boolean adminExists() {
        return accounts.anyWithRole(Roles.ADMIN);
    }

    private static Refusal wrongCredentials() {
        return SignIns.wrongCredentials();
    }
}
