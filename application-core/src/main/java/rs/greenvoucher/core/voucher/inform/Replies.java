package rs.greenvoucher.core.voucher.inform;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.ApplicationEvent.InformationProvided;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.application.InformationReply;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.core.voucher.submit.FormValidator;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The applicant's reply to the open request (D3): a message, new values only for the fields the evaluator named
 * (the form so changed must still be a valid form), and a document of every kind asked for, attached since the
 * request. The application goes back to its stage for the evaluator who asked; the status it is in then is the answer. A reply is taken as long as the
 * request waits: only its expiry, the day after the date, ends it (a reply racing the expiry: one of them wins, as
 * both are appends at the application's next sequence number).
 */
@Component
public record Replies(Vouchers vouchers, Clock clock) {

    @CommandHandler
    public ApplicationStatus handle(ReplyToRequest command) {
        return vouchers.load(command).invoke(application -> {
            application.requireOwner(command.applicantId());
            application.require(ApplicationStatus.INFORMATION_REQUESTED, "reply to a request for information on");
            InformationRequested request = application.openRequest();
            InformationReply reply = command.reply();
            if (reply.message() == null || reply.message().isBlank()) {
                throw Refusal.invalid("message", "is required: answer the evaluator in a few words");
            }
            List<RequestedField> changed = reply.changes().fields();
            for (RequestedField field : changed) {
                if (!request.fields().contains(field)) {
                    throw Refusal.invalid("changes." + field.path(), "was not asked for");
                }
            }
            List<Refusal.Field> missing = new ArrayList<>();
            for (DocumentKind kind : request.documentKinds()) {
                if (!application.attachedSinceRequest().contains(kind)) {
                    missing.add(new Refusal.Field("documents." + kind, "was asked for: attach it before you reply"));
                }
            }
            if (!missing.isEmpty()) {
                throw new RuleViolation(RefusalCode.SCHEME_RULE_VIOLATED, List.of(RuleCode.D3),
                        "Attach the documents the evaluator asked for before you reply.", missing);
            }
            Instant now = clock.instant();
            ApplicationForm form = null;
            if (!changed.isEmpty()) {
                form = reply.changes().applyTo(application.form());
                FormValidator.validate(form, SchemeRules.day(now));
            }
            application.record(new InformationProvided(command.applicationId(), request.decisionId(), request.stage(),
                    reply.message().strip(), changed, form, command.applicantId(), request.decidedBy(),
                    application.statusBeforeRequest(), now));
            return application.statusBeforeRequest();
        });
    }
}
