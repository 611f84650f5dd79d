package rs.greenvoucher.core.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.account.AccountEvent;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.throttling.Throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An account's e-mail address confirmed: a link with a secret mailed on sign-up and on request (throttled per
 * account), the secret used once; a submission needs a confirmed address.
 */
@Service
public class EmailConfirmations {

    private final AccountRepository accounts;
    private final EmailVerifications verifications;
    private final AccountOutbox outbox;
    private final Throttle throttle;
    private final Clock clock = Clock.systemUTC();
    private final Throttle.Limit verificationMailsPerAccount;
    private final String verificationLink;
    private final Duration verificationLifetime;

    EmailConfirmations(AccountRepository accounts, EmailVerifications verifications, AccountOutbox outbox, Throttle throttle,
                       @Value("${gv.throttle.verification-mails-per-account:5/PT1H}") String verificationMailsPerAccount,
                       @Value("${gv.accounts.verification-link}") String verificationLink,
                       @Value("${gv.accounts.verification-lifetime:P2D}") Duration verificationLifetime) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.outbox = outbox;
        this.throttle = throttle;
        this.verificationMailsPerAccount = Throttle.Limit.parse(verificationMailsPerAccount);
        this.verificationLink = verificationLink;
        this.verificationLifetime = verificationLifetime;
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
        request(account);
        return account;
    }

    /** The applicant's verified address, or 403 EMAIL_NOT_VERIFIED. */
    public String requireVerifiedEmail(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(SignIns::wrongCredentials);
        if (!account.emailVerified()) {
            throw new Refusal(RefusalCode.EMAIL_NOT_VERIFIED,
                    "Confirm your e-mail address with the link we sent before you submit.");
        }
        return account.email();
    }

    /** A new link to confirm the account's address, mailed through the account events. */
    void request(Account account) {
        Instant expires = clock.instant().plus(verificationLifetime);
        String secret = verifications.create(account.id(), account.email(), expires);
        outbox.append(new AccountEvent.VerificationRequested(UUID.randomUUID(), account.id(), account.email(),
                account.fullName(), account.preferredLanguage(), verificationLink + secret, expires, clock.instant()));
    }
}
