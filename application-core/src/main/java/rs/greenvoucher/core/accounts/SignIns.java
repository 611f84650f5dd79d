package rs.greenvoucher.core.accounts;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.account.AccountEvent;
import rs.greenvoucher.api.http.Tokens;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.TokenRevocations;
import rs.greenvoucher.platform.throttling.Throttle;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in: the password checked with a lock after repeated wrong ones (the owner is mailed), refresh tokens spent
 * once, sign-out, a password change, and the revocation of every token of an account everywhere. Every change that
 * must reach other services is an account event in the same transaction (AccountOutbox).
 */
@Service
public class SignIns {

    /** Hashed once, checked when a username does not exist, so a wrong name costs as long as a wrong password. */
    private final String dummyHash;
    private final AccountRepository accounts;
    private final RefreshTokens refreshTokens;
    private final TokenService tokens;
    private final AccountOutbox outbox;
    private final TokenRevocations revocations;
    private final PasswordEncoder passwordEncoder;
    private final WrongPasswords wrongPasswords;
    private final Clock clock = Clock.systemUTC();

    SignIns(AccountRepository accounts, RefreshTokens refreshTokens, TokenService tokens, AccountOutbox outbox,
            TokenRevocations revocations, PasswordEncoder passwordEncoder, WrongPasswords wrongPasswords) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.outbox = outbox;
        this.revocations = revocations;
        this.passwordEncoder = passwordEncoder;
        this.wrongPasswords = wrongPasswords;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * Checks the password. A locked account is refused before any hashing (429 ACCOUNT_LOCKED with Retry-After);
     * the wrong password that locks it tells the owner by e-mail.
     */
    @Transactional(noRollbackFor = Refusal.class)
    public Tokens signIn(String username, String password) {
        wrongPasswords.refuseWhileLocked(username);
        Optional<Account> account = accounts.findByUsername(username);
        boolean matches = Passwords.fitsBcrypt(password)
                && passwordEncoder.matches(password, account.map(Account::passwordHash).orElse(dummyHash));
        if (!matches) {
            Throttle.Taken taken = wrongPasswords.count(username);
            if (taken.emptied() && account.isPresent() && account.get().email() != null) {
                Account a = account.get();
                outbox.append(new AccountEvent.AccountLocked(UUID.randomUUID(), a.id(), a.email(), a.fullName(),
                        a.preferredLanguage(), clock.instant().plus(taken.retryAfter()), clock.instant()));
            }
            throw wrongCredentials();
        }
        Account a = account.get();
        if (a.disabled()) {
            throw disabled();
        }
        return tokens.signIn(a);
    }

    /**
     * A refresh token for a new access token and the next refresh token; the used one is spent. The refusal of a
     * reused token commits (its family's revocation must stick).
     */
    @Transactional(noRollbackFor = Refusal.class)
    public Tokens refresh(String refreshToken) {
        RefreshTokens.Used used = refreshTokens.use(refreshToken, clock.instant())
                .orElseThrow(() -> new Refusal(RefusalCode.UNAUTHENTICATED,
                        "The refresh token is not valid; sign in again."));
        Account account = accounts.findById(used.accountId()).orElseThrow(SignIns::wrongCredentials);
        if (account.disabled()) {
            throw disabled();
        }
        return tokens.issue(account, used.familyId());
    }

    @Transactional
    public void signOut(String refreshToken) {
        refreshTokens.revoke(refreshToken, clock.instant());
    }

    /** Every token issued before is revoked, everywhere; the answer holds new ones. */
    @Transactional
    public Tokens changePassword(UUID accountId, String currentPassword, String newPassword) {
        Account account = accounts.findById(accountId).orElseThrow(SignIns::wrongCredentials);
        wrongPasswords.refuseWhileLocked(account.username());
        if (!Passwords.fitsBcrypt(currentPassword) || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            wrongPasswords.count(account.username());
            throw new Refusal(RefusalCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(new Refusal.Field("currentPassword", "is not your password")));
        }
        Passwords.check("newPassword", newPassword);
        int version = accounts.changePassword(accountId, passwordEncoder.encode(newPassword), clock.instant());
        revoke(accountId, version, "PASSWORD_CHANGED");
        return tokens.signIn(accounts.findById(accountId).orElseThrow());
    }

    /** Lifts a lock after too many wrong passwords before it runs out. */
    public Account unlock(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(Refusal::notFound);
        wrongPasswords.forget(account.username());
        return account;
    }

    /** Every token of the account is revoked, in this service and (by the event) in every other. */
    void revoke(UUID accountId, int version, String reason) {
        refreshTokens.revokeAll(accountId, clock.instant());
        outbox.append(new AccountEvent.TokensRevoked(UUID.randomUUID(), accountId, version, reason, clock.instant()));
        revocations.revoked(accountId.toString(), version);
    }

    static Refusal wrongCredentials() {
        return new Refusal(RefusalCode.UNAUTHENTICATED, "Wrong username or password.");
    }

    private static Refusal disabled() {
        return new Refusal(RefusalCode.ACCOUNT_DISABLED, "This account is disabled; ask the scheme's administrators.");
    }
}
