package rs.greenvoucher.notification.mail;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.api.account.AccountEvent;

/** The mails an account event needs (the confirmation link, a lock), once per event id; other account events need none. */
@Component
public class AccountMailPlanner {

    private final PlannedMails mails;

    AccountMailPlanner(PlannedMails mails) {
        this.mails = mails;
    }

    @Transactional
    public void plan(AccountEvent event) {
        Templates.Mail mail;
        PlannedMails.Recipient to;
        if (event instanceof AccountEvent.VerificationRequested v) {
            mail = AccountMails.verifyEmail(v.language(), v.fullName(), v.link(), v.expiresAt());
            to = new PlannedMails.Recipient(v.accountId().toString(), v.email(), lang(v.language()), v.fullName(), null);
        } else if (event instanceof AccountEvent.AccountLocked l) {
            mail = AccountMails.locked(l.language(), l.fullName(), l.lockedUntil());
            to = new PlannedMails.Recipient(l.accountId().toString(), l.email(), lang(l.language()), l.fullName(), null);
        } else {
            return;
        }
        if (to.email() == null || to.email().isBlank()) {
            return;
        }
        mails.store(event.eventId(), null, event.getClass().getSimpleName(), to, mail);
    }

    private static String lang(String language) {
        return "en".equals(language) ? "en" : "sr";
    }
}
