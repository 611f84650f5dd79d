package rs.greenvoucher.api;

import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Stage;

import java.time.LocalDate;
import java.util.List;

/**
 * Rule D3, the request for more information, in one place: where an evaluator may ask, for which documents, by when,
 * and when the applicant is reminded. The application waits in INFORMATION_REQUESTED and goes back to its stage with
 * the reply; without one by the reply-by date (the applicant may still answer that day) it expires at that stage.
 */
public final class InformationRules {

    /** The reminder goes this many days before the reply-by date. */
    public static final int REMIND_DAYS_BEFORE = 3;

    /** The latest reply-by date an evaluator may give, in days from the request. */
    public static final int MAX_REPLY_DAYS = 90;

    private InformationRules() {
    }

    /** The status an application waits in for an evaluator at this stage; null where no one may ask (the committee). */
    public static ApplicationStatus statusAt(Stage stage) {
        return switch (stage) {
            case SCREENING -> ApplicationStatus.SUBMITTED;
            case PROVIDER_MATCHING -> ApplicationStatus.SCREENED;
            case COMPLETION_VERIFICATION -> ApplicationStatus.COMPLETION_REPORTED;
            case COMMITTEE -> null;
        };
    }

    /** The documents an evaluator may ask for at this stage: those of the submission before approval, of the report after. */
    public static List<DocumentKind> kindsAt(Stage stage) {
        return stage == Stage.COMPLETION_VERIFICATION
                ? List.of(DocumentKind.INVOICE, DocumentKind.RESULT_EVIDENCE, DocumentKind.OTHER)
                : List.of(DocumentKind.PROVIDER_OFFER, DocumentKind.FINANCIAL_STATEMENTS, DocumentKind.REGISTER_EXTRACT,
                        DocumentKind.OTHER);
    }

    /** The reply-by date: the evaluator's, or the call's number of days from today. */
    public static LocalDate replyBy(LocalDate today, LocalDate given, int callDays) {
        return given != null ? given : today.plusDays(callDays);
    }

    /** A reply-by date is after today and at most {@link #MAX_REPLY_DAYS} away. */
    public static boolean acceptable(LocalDate today, LocalDate replyBy) {
        return replyBy.isAfter(today) && !replyBy.isAfter(today.plusDays(MAX_REPLY_DAYS));
    }

    /** The day of the reminder; null when that day is not after the request's (a short date needs none). */
    public static LocalDate remindOn(LocalDate requestedOn, LocalDate replyBy) {
        LocalDate day = replyBy.minusDays(REMIND_DAYS_BEFORE);
        return day.isAfter(requestedOn) ? day : null;
    }

    /** The request expires the day after its reply-by date: the applicant may answer on the date itself. */
    public static boolean expired(LocalDate replyBy, LocalDate today) {
        return today.isAfter(replyBy);
    }
}
