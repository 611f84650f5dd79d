package rs.greenvoucher.notification.mail;

import rs.greenvoucher.api.kafka.ApplicationMessage;
import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.value.Stage;

import java.util.List;

/** The mail each application event means to the applicant, in the applicant's language. */
final class ApplicationMails {

    private ApplicationMails() {
    }

    /** The mail an event means to the applicant; none for internal steps and for types newer than this code. */
    static Templates.Mail of(ApplicationMessage m, PlannedMails.Recipient r) {
        String lang = r.language();
        if (m instanceof ApplicationMessage.ApplicationSubmitted s) {
            return Templates.submitted(lang, r.name(), r.trackingCode(), s.form().project().title());
        }
        if (m instanceof DecisionMessage.ApplicationScreened s) {
            return Templates.screened(lang, r.name(), r.trackingCode(), s.noteToApplicant());
        }
        if (m instanceof DecisionMessage.ProvidersMatched s) {
            return Templates.matched(lang, r.name(), r.trackingCode(), providers(s, lang));
        }
        if (m instanceof DecisionMessage.VoucherApproved s) {
            return Templates.approved(lang, r.name(), r.trackingCode(), s.amountEur().amount(), s.validUntil());
        }
        if (m instanceof DecisionMessage.ApplicationRejected s) {
            return Templates.rejected(lang, r.name(), r.trackingCode(), s.knownRuleCodes(), s.reason());
        }
        if (m instanceof ApplicationMessage.ApplicationWithdrawn) {
            return Templates.withdrawn(lang, r.name(), r.trackingCode());
        }
        if (m instanceof DecisionMessage.CompletionReportReturned s) {
            return VoucherMails.reportReturned(lang, r.name(), r.trackingCode(), s.note());
        }
        if (m instanceof DecisionMessage.VoucherCompleted s) {
            return VoucherMails.completed(lang, r.name(), r.trackingCode(), s.paidEur().amount());
        }
        if (m instanceof ApplicationMessage.VoucherExpired) {
            return VoucherMails.expired(lang, r.name(), r.trackingCode());
        }
        if (m instanceof DecisionMessage.InformationRequested i) {
            return InformationMails.requested(lang, r.name(), r.trackingCode(), i.message(), i.documentKinds(), i.fields(),
                    i.replyBy());
        }
        if (m instanceof ApplicationMessage.ReplyReminderDue d) {
            return InformationMails.reminder(lang, r.name(), r.trackingCode(), d.replyBy());
        }
        if (m instanceof ApplicationMessage.InformationRequestExpired x) {
            return InformationMails.expired(lang, r.name(), r.trackingCode(), x.replyBy());
        }
        if (m instanceof DecisionMessage.DecisionCorrected c && c.reinstates()) {
            return Templates.reinstated(lang, r.name(), r.trackingCode(), c.stage() == Stage.SCREENING, c.reason());
        }
        // CompletionReported, InformationProvided (the applicant's own act), DecisionRefused, a correction's proposal, one that rejects (its rejection is told) and
        // anything newer: nothing to tell
        return null;
    }

    /** In the mail's language: a Serbian mail names the providers by their Serbian names. */
    private static List<String> providers(DecisionMessage.ProvidersMatched matched, String lang) {
        if (matched.providers() != null) {
            return matched.providers().stream().map(p -> p.name() == null ? p.code()
                    : rs.greenvoucher.api.text.ProviderNames.name(p.code(), p.name(), lang)).toList();
        }
        return matched.providerCodes().stream().map(code -> code.value()).toList();
    }
}
