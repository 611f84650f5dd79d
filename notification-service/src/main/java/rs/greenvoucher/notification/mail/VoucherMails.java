package rs.greenvoucher.notification.mail;

import rs.greenvoucher.notification.mail.Templates.Mail;

import java.math.BigDecimal;
import java.time.LocalDate;

import static rs.greenvoucher.notification.mail.Templates.EN_DATE;
import static rs.greenvoucher.notification.mail.Templates.SR_DATE;
import static rs.greenvoucher.notification.mail.Templates.eur;
import static rs.greenvoucher.notification.mail.Templates.sr;

/** The mails of an approved voucher's second half: a report returned, the voucher completed or expired, a reminder. */
public final class VoucherMails {

    private VoucherMails() {
    }

    public static Mail reportReturned(String lang, String name, String trackingCode, String note) {
        String extra = note == null || note.isBlank() ? "" : "\n\n" + note;
        return sr(lang)
                ? new Mail("Izveštaj o završetku je vraćen — " + trackingCode, "Poštovani/a " + name + ",\n\nizveštaj o završetku za "
                + trackingCode + " je vraćen na dopunu." + extra + "\n\nZeleni vaučer")
                : new Mail("Completion report returned — " + trackingCode, "Dear " + name + ",\n\nthe completion report for "
                + trackingCode + " was returned for changes." + extra + "\n\nGreen Voucher");
    }

    public static Mail completed(String lang, String name, String trackingCode, BigDecimal paid) {
        return sr(lang)
                ? new Mail("Vaučer realizovan — " + trackingCode, "Poštovani/a " + name + ",\n\nzavršetak projekta " + trackingCode
                + " je potvrđen. Do " + eur(paid, lang) + " EUR vaučer plaća vašim pružaocima usluga po potvrđenim fakturama;"
                + " javićemo vam kada budu plaćeni.\n\nZeleni vaučer")
                : new Mail("Voucher completed — " + trackingCode, "Dear " + name + ",\n\nthe completion of " + trackingCode
                + " has been verified. The voucher pays your providers up to EUR " + eur(paid, lang)
                + " against the invoices you confirmed; we will tell you when they are paid.\n\nGreen Voucher");
    }

    public static Mail expired(String lang, String name, String trackingCode) {
        return sr(lang)
                ? new Mail("Vaučer je istekao — " + trackingCode, "Poštovani/a " + name + ",\n\nvaučer " + trackingCode
                + " je istekao jer završetak nije prijavljen i potvrđen na vreme.\n\nZeleni vaučer")
                : new Mail("Voucher expired — " + trackingCode, "Dear " + name + ",\n\nvoucher " + trackingCode
                + " has expired because completion was not reported and verified in time.\n\nGreen Voucher");
    }

    public static Mail reminder(String lang, String name, String trackingCode, LocalDate validUntil) {
        return sr(lang)
                ? new Mail("Podsetnik: rok za vaučer ističe " + SR_DATE.format(validUntil) + " — " + trackingCode,
                "Poštovani/a " + name + ",\n\npodsećamo vas da rok za završetak i prijavu radova za vaučer " + trackingCode
                        + " ističe " + SR_DATE.format(validUntil) + "\n\nZeleni vaučer")
                : new Mail("Reminder: your voucher's deadline is " + EN_DATE.format(validUntil) + " — " + trackingCode,
                "Dear " + name + ",\n\nthis is a reminder that the work for voucher " + trackingCode
                        + " must be completed and reported by " + EN_DATE.format(validUntil) + ".\n\nGreen Voucher");
    }
}
