package rs.greenvoucher.notification.mail;

import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.text.SchemeTexts;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.notification.mail.Templates.Mail;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static rs.greenvoucher.notification.mail.Templates.EN_DATE;
import static rs.greenvoucher.notification.mail.Templates.SR_DATE;
import static rs.greenvoucher.notification.mail.Templates.sr;

/** The mails of a request for more information (D3): the request, the reminder before its date, the expiry. */
final class InformationMails {

    private InformationMails() {
    }

    static Mail requested(String lang, String name, String trackingCode, String message, List<String> documentKinds,
                          List<String> fields, LocalDate replyBy) {
        String asked = asked(lang, documentKinds, fields);
        return sr(lang)
                ? new Mail("Potrebne su dopune do " + SR_DATE.format(replyBy) + " — " + trackingCode, "Poštovani/a " + name
                + ",\n\nocenjivač traži dodatne informacije o prijavi " + trackingCode + ":\n\n" + message
                + (asked.isEmpty() ? "" : "\n\nPotrebno je: " + asked + ".")
                + "\n\nOdgovorite na portalu najkasnije " + SR_DATE.format(replyBy)
                + "; bez odgovora do tada prijava ističe (pravilo D3).\n\nZeleni vaučer")
                : new Mail("More information needed by " + EN_DATE.format(replyBy) + " — " + trackingCode, "Dear " + name
                + ",\n\nan evaluator asks for more information about application " + trackingCode + ":\n\n" + message
                + (asked.isEmpty() ? "" : "\n\nNeeded: " + asked + ".")
                + "\n\nPlease reply in the portal by " + EN_DATE.format(replyBy)
                + "; without a reply by then the application expires (rule D3).\n\nGreen Voucher");
    }

    static Mail reminder(String lang, String name, String trackingCode, LocalDate replyBy) {
        return sr(lang)
                ? new Mail("Podsetnik: dopune do " + SR_DATE.format(replyBy) + " — " + trackingCode, "Poštovani/a " + name
                + ",\n\npodsećamo vas da ocenjivač čeka vaše dopune za prijavu " + trackingCode + " najkasnije do "
                + SR_DATE.format(replyBy) + ". Bez odgovora do tada prijava ističe.\n\nZeleni vaučer")
                : new Mail("Reminder: your reply is due by " + EN_DATE.format(replyBy) + " — " + trackingCode, "Dear " + name
                + ",\n\nthis is a reminder that an evaluator waits for your reply on application " + trackingCode + " by "
                + EN_DATE.format(replyBy) + ". Without a reply by then the application expires.\n\nGreen Voucher");
    }

    static Mail expired(String lang, String name, String trackingCode, LocalDate replyBy) {
        return sr(lang)
                ? new Mail("Prijava je istekla — " + trackingCode, "Poštovani/a " + name + ",\n\nprijava " + trackingCode
                + " je istekla jer tražene dopune nisu stigle do " + SR_DATE.format(replyBy)
                + " (pravilo D3). Preduzeće može ponovo da se prijavi.\n\nZeleni vaučer")
                : new Mail("Application expired — " + trackingCode, "Dear " + name + ",\n\napplication " + trackingCode
                + " has expired because the information asked for did not arrive by " + EN_DATE.format(replyBy)
                + " (rule D3). The enterprise may apply again.\n\nGreen Voucher");
    }

    /** The documents and fields in words; a kind or field newer than this code is left out (the message says it). */
    private static String asked(String lang, List<String> documentKinds, List<String> fields) {
        String documents = documentKinds == null ? "" : documentKinds.stream()
                .filter(k -> Arrays.stream(DocumentKind.values()).anyMatch(d -> d.name().equals(k)))
                .map(k -> SchemeTexts.document(DocumentKind.valueOf(k), lang)).collect(Collectors.joining(", "));
        String changes = fields == null ? "" : fields.stream()
                .filter(f -> Arrays.stream(RequestedField.values()).anyMatch(d -> d.name().equals(f)))
                .map(f -> SchemeTexts.field(RequestedField.valueOf(f), lang)).collect(Collectors.joining(", "));
        return documents.isEmpty() ? changes : changes.isEmpty() ? documents
                : documents + (sr(lang) ? "; ispravite: " : "; correct: ") + changes;
    }
}
