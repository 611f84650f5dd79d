package rs.greenvoucher.notification.mail;

import rs.greenvoucher.notification.mail.Templates.Mail;

import static rs.greenvoucher.notification.mail.Templates.EN_DATE;
import static rs.greenvoucher.notification.mail.Templates.SR_DATE;
import static rs.greenvoucher.notification.mail.Templates.TIME;
import static rs.greenvoucher.notification.mail.Templates.sr;

/** The mails about an account: the link that confirms its address, and a lock after too many wrong passwords. */
public final class AccountMails {

    private AccountMails() {
    }

    public static Mail verifyEmail(String lang, String name, String link, java.time.Instant expiresAt) {
        java.time.LocalDateTime until = java.time.LocalDateTime.ofInstant(expiresAt, rs.greenvoucher.api.SchemeRules.ZONE);
        return sr(lang)
                ? new Mail("Potvrdite adresu e-pošte — Zeleni vaučer",
                "Poštovani/a " + name + ",\n\nda biste podneli prijavu, potvrdite da je ova adresa vaša:\n\n" + link
                        + "\n\nVeza važi do " + SR_DATE.format(until) + " " + TIME.format(until)
                        + ". Ako se niste vi prijavili, zanemarite ovu poruku.\n\nZeleni vaučer")
                : new Mail("Confirm your e-mail address — Green Voucher",
                "Dear " + name + ",\n\nto submit an application, confirm that this address is yours:\n\n" + link
                        + "\n\nThe link works until " + EN_DATE.format(until) + " " + TIME.format(until)
                        + " (Belgrade time). If you did not sign up, ignore this message.\n\nGreen Voucher");
    }

    public static Mail locked(String lang, String name, java.time.Instant until) {
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(until, rs.greenvoucher.api.SchemeRules.ZONE);
        return sr(lang)
                ? new Mail("Prijava na nalog je privremeno zaključana — Zeleni vaučer",
                "Poštovani/a " + name + ",\n\nzbog više pogrešnih lozinki zaredom prijava na vaš nalog je zaključana do "
                        + TIME.format(local) + " (" + SR_DATE.format(local) + ").\nAko to niste bili vi, posle toga promenite lozinku."
                        + "\n\nZeleni vaučer")
                : new Mail("Sign-in to your account is locked for a while — Green Voucher",
                "Dear " + name + ",\n\nafter several wrong passwords in a row, sign-in to your account is locked until "
                        + TIME.format(local) + " on " + EN_DATE.format(local) + " (Belgrade time).\nIf it was not you, change your"
                        + " password afterwards.\n\nGreen Voucher");
    }
}
