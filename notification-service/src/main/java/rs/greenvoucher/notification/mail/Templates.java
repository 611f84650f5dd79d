package rs.greenvoucher.notification.mail;

import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The e-mails an applicant receives, in Serbian (Latin script) and English. Rejections explain each rule in plain
 * words, not only by its code.
 */
public final class Templates {

    public record Mail(String subject, String body) {
    }

    static final DateTimeFormatter SR_DATE = DateTimeFormatter.ofPattern("d. M. yyyy.");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    private Templates() {
    }

    /** The application's page in the portal, at the end of the mail, above the signature. */
    public static Mail withLink(Mail mail, String lang, String link) {
        String line = (sr(lang) ? "Vaša prijava u portalu: " : "Your application in the portal: ") + link;
        String body = mail.body();
        int signature = body.lastIndexOf("\n\n");
        return new Mail(mail.subject(), signature < 0 ? body + "\n\n" + line
                : body.substring(0, signature) + "\n\n" + line + body.substring(signature));
    }

    /**
     * The HTML part of a mail: the same text, escaped, in paragraphs, with its addresses as links. Written from the
     * plain text so the two parts never say different things.
     */
    public static String html(String body, String lang) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(sr(lang) ? "sr-Latn" : "en")
                .append("\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5\">");
        for (String paragraph : body.split("\n\n")) {
            String escaped = paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
            escaped = escaped.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
            html.append("<p>").append(escaped.replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    public static String explain(RuleCode code, String language) {
        return rs.greenvoucher.api.text.SchemeTexts.rule(code, language);
    }

    public static Mail submitted(String lang, String name, String trackingCode, String project) {
        return sr(lang)
                ? new Mail("Prijava primljena — " + trackingCode,
                "Poštovani/a " + name + ",\n\nvaša prijava za zeleni inovacioni vaučer za projekat „" + project
                        + "“ je primljena.\nBroj za praćenje: " + trackingCode
                        + "\n\nO svakoj promeni statusa obavestićemo vas e-poštom.\n\nZeleni vaučer")
                : new Mail("Application received — " + trackingCode,
                "Dear " + name + ",\n\nyour application for a green innovation voucher for the project \"" + project
                        + "\" has been received.\nTracking code: " + trackingCode
                        + "\n\nWe will e-mail you whenever its status changes.\n\nGreen Voucher");
    }

    public static Mail screened(String lang, String name, String trackingCode, String note) {
        String extra = note == null || note.isBlank() ? "" : "\n\n" + note;
        return sr(lang)
                ? new Mail("Prijava je prošla proveru prihvatljivosti — " + trackingCode,
                "Poštovani/a " + name + ",\n\nvaša prijava " + trackingCode + " je prošla proveru prihvatljivosti. "
                        + "Sledeći korak je izbor pružalaca usluga." + extra + "\n\nZeleni vaučer")
                : new Mail("Your application passed the eligibility check — " + trackingCode,
                "Dear " + name + ",\n\nyour application " + trackingCode + " passed the eligibility check. "
                        + "The next step is matching it with R&D providers." + extra + "\n\nGreen Voucher");
    }

    public static Mail matched(String lang, String name, String trackingCode, List<String> providers) {
        String list = providers.stream().map(p -> "  • " + p).collect(Collectors.joining("\n"));
        return sr(lang)
                ? new Mail("Izabrani pružaoci usluga — " + trackingCode,
                "Poštovani/a " + name + ",\n\nza vašu prijavu " + trackingCode + " izabrani su pružaoci usluga:\n" + list
                        + "\n\nPrijava sada ide pred komisiju.\n\nZeleni vaučer")
                : new Mail("R&D providers matched — " + trackingCode,
                "Dear " + name + ",\n\nyour application " + trackingCode + " has been matched with:\n" + list
                        + "\n\nIt now goes to the committee.\n\nGreen Voucher");
    }

    public static Mail approved(String lang, String name, String trackingCode, BigDecimal amount, LocalDate validUntil) {
        return sr(lang)
                ? new Mail("Vaučer odobren — " + trackingCode,
                "Poštovani/a " + name + ",\n\nčestitamo! Za prijavu " + trackingCode + " odobren je vaučer u iznosu od "
                        + eur(amount, lang) + " EUR.\nRadove treba završiti i prijaviti najkasnije " + SR_DATE.format(validUntil)
                        + "\n\nZeleni vaučer")
                : new Mail("Voucher approved — " + trackingCode,
                "Dear " + name + ",\n\ncongratulations! A voucher of EUR " + eur(amount, lang) + " has been approved for "
                        + trackingCode + ".\nThe work must be completed and reported by " + EN_DATE.format(validUntil)
                        + ".\n\nGreen Voucher");
    }

    public static Mail rejected(String lang, String name, String trackingCode, List<RuleCode> rules, String reason) {
        String reasons = rules.stream().map(r -> "  • " + explain(r, lang) + " (" + r.name() + ")").collect(Collectors.joining("\n"));
        String why = (reason == null || reason.isBlank() ? "" : "\n\n" + reason);
        return sr(lang)
                ? new Mail("Prijava nije prihvaćena — " + trackingCode,
                "Poštovani/a " + name + ",\n\nnažalost, vaša prijava " + trackingCode + " nije prihvaćena"
                        + (reasons.isEmpty() ? "." : " jer:\n" + reasons) + why
                        + "\n\nPreduzeće može ponovo da se prijavi.\n\nZeleni vaučer")
                : new Mail("Your application was not accepted — " + trackingCode,
                "Dear " + name + ",\n\nunfortunately your application " + trackingCode + " was not accepted"
                        + (reasons.isEmpty() ? "." : " because:\n" + reasons) + why
                        + "\n\nThe enterprise may apply again.\n\nGreen Voucher");
    }

    /** A rejection corrected by two administrators: the application is evaluated again from that stage. */
    public static Mail reinstated(String lang, String name, String trackingCode, boolean atScreening, String reason) {
        String why = reason == null || reason.isBlank() ? "" : "\n\n" + reason;
        return sr(lang)
                ? new Mail("Odluka o prijavi je ispravljena — " + trackingCode, "Poštovani/a " + name + ",\n\nodluka "
                + (atScreening ? "provere prihvatljivosti" : "komisije") + " o prijavi " + trackingCode
                + " je ispravljena i prijava se ponovo ocenjuje." + why + "\n\nZeleni vaučer")
                : new Mail("The decision on your application was corrected — " + trackingCode, "Dear " + name
                + ",\n\nthe decision of " + (atScreening ? "the eligibility check" : "the committee") + " on application "
                + trackingCode + " was corrected, and the application is evaluated again." + why + "\n\nGreen Voucher");
    }

    public static Mail withdrawn(String lang, String name, String trackingCode) {
        return sr(lang)
                ? new Mail("Prijava povučena — " + trackingCode, "Poštovani/a " + name + ",\n\npotvrđujemo da je prijava "
                + trackingCode + " povučena.\n\nZeleni vaučer")
                : new Mail("Application withdrawn — " + trackingCode, "Dear " + name + ",\n\nwe confirm that application "
                + trackingCode + " has been withdrawn.\n\nGreen Voucher");
    }

    static String eur(BigDecimal amount, String lang) {
        return Money.display(amount, lang);
    }

    static boolean sr(String lang) {
        return !"en".equals(lang);
    }
}
