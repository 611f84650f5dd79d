package rs.greenvoucher.core.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.account.AccountEvent;
import rs.greenvoucher.platform.security.Roles;
import rs.greenvoucher.platform.throttling.Throttle;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Duration;
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
    private final EmailVerifications verifications;
    private final SignIns signIns;
    private final AccountOutbox outbox;
    private final PasswordEncoder passwordEncoder;
    private final Throttle throttle;
    private final Clock clock = Clock.systemUTC();
    private final Throttle.Limit signUpsPerEmail;
    private final Throttle.Limit verificationMailsPerAccount;
    private final String verificationLink;
    private final Duration verificationLifetime;

    AccountService(AccountRepository accounts, EmailVerifications verifications, SignIns signIns, AccountOutbox outbox,
                   PasswordEncoder passwordEncoder, Throttle throttle,
                   @Value("${gv.throttle.sign-ups-per-email:3/PT1H}") String signUpsPerEmail,
                   @Value("${gv.throttle.verification-mails-per-account:5/PT1H}") String verificationMailsPerAccount,
                   @Value("${gv.accounts.verification-link}") String verificationLink,
                   @Value("${gv.accounts.verification-lifetime:P2D}") Duration verificationLifetime) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.signIns = signIns;
        this.outbox = outbox;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.signUpsPerEmail = Throttle.Limit.parse(signUpsPerEmail);
        this.verificationMailsPerAccount = Throttle.Limit.parse(verificationMailsPerAccount);
        this.verificationLink = verificationLink;
        this.verificationLifetime = verificationLifetime;
    }

    /** A new applicant, not yet verified: a verification link goes to the address. */
    @Transactional
    public Account signUpApplicant(String email, String password, String fullName, String language) {
        Passwords.check("password", password);
        throttle.tryTake("sign-up:" + email.trim().toLowerCase(Locale.ROOT), signUpsPerEmail).ifPresent(wait -> {
            throw Refusal.tooManyRequests(RefusalCode.TOO_MANY_REQUESTS, "Too many sign-ups for this address; try again later.", wait);
        });
        Account account = create(email, password, fullName, Roles.APPLICANT, email, language, null);
        requestVerification(account);
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
                fullName.trim(), role, email == null ? null : email.trim(), language, verifiedAt, null, 1);
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
        signIns.forgetFailures(account.username());
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

    @Transactional
    public Account verifyEmail(String secret) {
        EmailVerifications.Verified verified = verifications.use(secret, clock.instant())
                .orElseThrow(() -> new Refusal(RefusalCode.INVALID_VERIFICATION_LINK,
                        "This link is not valid any more; ask for a new one after signing in."));
        accounts.markEmailVerified(verified.accountId(), verified.email(), clock.instant());
        return accounts.findById(verified.accountId()).orElseThrow();
    }

    /** Sends a new verification link (throttled per account). */
    @Transactional
    public Account resendVerification(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(Refusal::notFound);
        if (account.emailVerified() || account.email() == null) {
            return account;
        }
        throttle.tryTake("verification-mail:" + accountId, verificationMailsPerAccount).ifPresent(wait -> {
            throw Refusal.tooManyRequests(RefusalCode.TOO_MANY_REQUESTS, "A link was sent a short while ago; try again later.", wait);
        });
        requestVerification(account);
        return account;
    }

    /** The applicant's verified address, or 403 EMAIL_NOT_VERIFIED. */
    public String requireVerifiedEmail(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(AccountService::wrongCredentials);
        if (!account.emailVerified()) {
            throw new Refusal(RefusalCode.EMAIL_NOT_VERIFIED,
                    "Confirm your e-mail address with the link we sent before you submit.");
        }
        return account.email();
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

    private void requestVerification(Account account) {
        Instant expires = clock.instant().plus(verificationLifetime);
        String secret = verifications.create(account.id(), account.email(), expires);
        outbox.append(new AccountEvent.VerificationRequested(UUID.randomUUID(), account.id(), account.email(),
                account.fullName(), account.preferredLanguage(), verificationLink + secret, expires, clock.instant()));
    }

    private static Refusal wrongCredentials() {
        return SignIns.wrongCredentials();
    }
}
