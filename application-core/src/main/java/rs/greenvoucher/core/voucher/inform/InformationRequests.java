package rs.greenvoucher.core.voucher.inform;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.InformationRules;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.application.DecisionEvent.InformationRequested;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.InvalidTransition;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An evaluator's request for more information (D3): at screening, matching or completion verification, while the
 * application waits at that stage; it names what is asked in words, documents of the stage's kinds, and a reply-by
 * date (the call's number of days unless given, after today and at most 90 days away).
 */
@Component
public record InformationRequests(Vouchers vouchers, Limits limits, Clock clock) {

    @CommandHandler
    public void handle(RequestInformation command) {
        vouchers.decide(command, application -> {
            ApplicationStatus waitsIn = InformationRules.statusAt(command.stage());
            if (waitsIn == null || application.status() != waitsIn) {
                throw new InvalidTransition("ask for more information at " + command.stage() + " on", application.status());
            }
            if (command.message() == null || command.message().isBlank()) {
                throw Refusal.invalid("message", "say what is needed");
            }
            for (DocumentKind kind : command.documentKinds()) {
                if (!InformationRules.kindsAt(command.stage()).contains(kind)) {
                    throw Refusal.invalid("documentKinds", kind + " is not a document of " + command.stage());
                }
            }
            Instant now = clock.instant();
            LocalDate today = SchemeRules.day(now);
            LocalDate replyBy = InformationRules.replyBy(today, command.replyBy(),
                    limits.callParameters(application.callId()).informationReplyDays());
            if (!InformationRules.acceptable(today, replyBy)) {
                throw Refusal.invalid("replyBy", "after today and at most " + InformationRules.MAX_REPLY_DAYS + " days away");
            }
            application.record(new InformationRequested(command.applicationId(), command.decisionId(), command.stage(),
                    command.message().strip(), command.documentKinds(), command.fields(), replyBy, command.decidedBy(), now));
        });
    }
}
