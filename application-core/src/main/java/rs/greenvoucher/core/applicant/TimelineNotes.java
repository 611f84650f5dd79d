package rs.greenvoucher.core.applicant;

import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The applicant's timeline notes, in the applicant's language (Serbian Latin or English). */
final class TimelineNotes {

    private final boolean sr;

    TimelineNotes(String language) {
        this.sr = !"en".equals(language);
    }

    String submitted(String trackingCode) {
        return sr ? "Prijava je primljena; broj za praćenje " + trackingCode + "."
                : "Application received; tracking code " + trackingCode + ".";
    }

    String screened(String note) {
        return orDefault(note, sr ? "Prijava je prošla proveru prihvatljivosti." : "The application passed eligibility screening.");
    }

    String matched(String providers) {
        return (sr ? "Izabrani pružaoci usluga: " : "Matched with ") + providers + ".";
    }

    String approved(BigDecimal amount, LocalDate validUntil) {
        return sr ? "Odobren je vaučer od " + eur(amount) + " EUR; radove treba završiti najkasnije "
                + validUntil.format(DateTimeFormatter.ofPattern("d. M. yyyy.", Locale.ROOT))
                : "Voucher of EUR " + eur(amount) + " approved; the work must be completed by "
                + validUntil.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)) + ".";
    }

    String rejected(Stage stage, List<RuleCode> rules, String reason) {
        String where = switch (stage) {
            case SCREENING -> sr ? "pri proveri prihvatljivosti" : "at eligibility screening";
            case PROVIDER_MATCHING -> sr ? "pri izboru pružalaca usluga" : "at provider matching";
            case COMMITTEE -> sr ? "na komisiji" : "by the committee";
            case COMPLETION_VERIFICATION -> sr ? "pri proveri završetka" : "at completion verification";
        };
        String codes = rules.isEmpty() ? "" : " (" + (sr ? "pravila " : "rules ")
                + rules.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")";
        return (sr ? "Prijava je odbijena " : "Rejected ") + where + codes
                + (reason == null || reason.isBlank() ? "." : ": " + reason);
    }

    String withdrawn(String reason) {
        return (sr ? "Prijavu je povukao podnosilac" : "Withdrawn by the applicant")
                + (reason == null || reason.isBlank() ? "." : ": " + reason);
    }

    String completionReported() {
        return sr ? "Izveštaj o završetku je primljen." : "Completion report received.";
    }

    String completionReturned(String note) {
        return (sr ? "Izveštaj o završetku je vraćen na dopunu" : "The completion report was returned")
                + (note == null || note.isBlank() ? "." : ": " + note);
    }

    String completed(BigDecimal paid) {
        return sr ? "Završetak je potvrđen; biće vam refundirano " + eur(paid) + " EUR."
                : "Completion verified; EUR " + eur(paid) + " will be reimbursed.";
    }

    String expired() {
        return sr ? "Vaučer je istekao bez potvrđenog završetka." : "The voucher expired without a verified completion.";
    }

    String informationRequested(LocalDate replyBy, String message) {
        return (sr ? "Ocenjivač traži dodatne informacije do " + date(replyBy) + ": "
                : "An evaluator asks for more information by " + date(replyBy) + ": ") + message;
    }

    String replied(String reply) {
        return (sr ? "Poslali ste dopune: " : "You sent your reply: ") + reply;
    }

    String informationExpired(LocalDate replyBy) {
        return sr ? "Prijava je istekla: dopune nisu stigle do " + date(replyBy) + " (pravilo D3)."
                : "The application expired: no reply arrived by " + date(replyBy) + " (rule D3).";
    }

    /** A decision corrected by two administrators: back in evaluation at that stage, or about to be rejected. */
    String corrected(rs.greenvoucher.api.value.Stage stage, boolean reinstated, String reason) {
        String at = stage == rs.greenvoucher.api.value.Stage.SCREENING
                ? (sr ? "provere prihvatljivosti" : "the eligibility check")
                : (sr ? "komisije" : "the committee");
        String what = reinstated
                ? (sr ? "Odluka " + at + " je ispravljena: prijava se ponovo ocenjuje" : "The decision of " + at + " was corrected: the application is evaluated again")
                : (sr ? "Odluka " + at + " je ispravljena" : "The decision of " + at + " was corrected");
        return what + (reason == null || reason.isBlank() ? "." : ": " + reason);
    }

    String erased() {
        return sr ? "Lični podaci su izbrisani na zahtev podnosioca." : "Personal data erased at the applicant's request.";
    }

    private String date(LocalDate day) {
        return sr ? day.format(DateTimeFormatter.ofPattern("d. M. yyyy.", Locale.ROOT))
                : day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    private String eur(BigDecimal amount) {
        return Money.display(amount, sr ? "sr" : "en");
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
