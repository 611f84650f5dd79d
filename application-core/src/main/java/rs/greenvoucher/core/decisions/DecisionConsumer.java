package rs.greenvoucher.core.decisions;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationCommand;
import rs.greenvoucher.api.application.ApplicationCommand.DecideOnApplication;
import rs.greenvoucher.api.application.ApplicationCommand.MatchProviders;
import rs.greenvoucher.api.application.ApplicationCommand.RejectApplication;
import rs.greenvoucher.api.application.ApplicationCommand.ScreenApplication;
import rs.greenvoucher.api.application.ApplicationCommand.VerifyCompletion;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.application.RefuseDecision;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import rs.greenvoucher.platform.web.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Applies the evaluators' decisions (gv.evaluation.decisions) as commands. Idempotent: the application remembers
 * every decision id it applied or refused, so a redelivered decision changes nothing. A decision the application
 * cannot take (withdrawn meanwhile, budget exhausted, wrong stage) is recorded as DecisionRefused with the reason,
 * which the evaluation service shows on the work item. Unreadable messages go to the dead-letter topic.
 */
@Component
class DecisionConsumer {

    private static final Logger log = LoggerFactory.getLogger(DecisionConsumer.class);

    private final CommandGateway commands;
    private final JsonMapper json;

    DecisionConsumer(CommandGateway commands, JsonMapper json) {
        this.commands = commands;
        this.json = json;
    }

    @KafkaListener(topics = Topics.EVALUATION_DECISIONS, groupId = "application-core")
    void on(String message) {
        EvaluationDecision decision;
        ApplicationCommand command;
        try {
            decision = json.readValue(message, EvaluationDecision.class);
            command = toCommand(decision);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException("not a readable decision: " + e.getMessage(), e);
        }
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new PoisonMessageException("no application " + decision.applicationId(), e);
        } catch (ApiException e) {
            log.info("Decision {} on {} refused: {} {}", decision.decisionId(), decision.applicationId(), e.code(), e.getMessage());
            commands.sendAndWait(new RefuseDecision(decision.applicationId(), decision.decisionId(), e.code(), e.getMessage()));
        }
    }

    static ApplicationCommand toCommand(EvaluationDecision d) {
        String outcome = d.outcome().toUpperCase();
        String by = d.decidedBy();
        return switch (d.stage()) {
            case SCREENING -> new ScreenApplication(d.applicationId(), d.decisionId(), require(outcome, "PASS", "FAIL").equals("PASS"),
                    orEmpty(d.checks()), d.note(), by);
            case PROVIDER_MATCHING -> require(outcome, "MATCH", "REJECT").equals("MATCH")
                    ? new MatchProviders(d.applicationId(), d.decisionId(), orEmpty(d.providerCodes()), d.note(), by)
                    : new RejectApplication(d.applicationId(), d.decisionId(), Stage.PROVIDER_MATCHING, orEmpty(d.ruleCodes()), d.note(), by);
            case COMMITTEE -> new DecideOnApplication(d.applicationId(), d.decisionId(),
                    require(outcome, "APPROVE", "REJECT").equals("APPROVE"), d.voucherAmountEur(), d.scores(),
                    orEmpty(d.ruleCodes()), d.note(), by);
            case COMPLETION_VERIFICATION -> new VerifyCompletion(d.applicationId(), d.decisionId(),
                    require(outcome, "ACCEPT", "RETURN").equals("ACCEPT"), d.note(), by);
        };
    }

    private static String require(String outcome, String yes, String no) {
        if (!outcome.equals(yes) && !outcome.equals(no)) {
            throw new IllegalArgumentException("outcome must be " + yes + " or " + no + ", not " + outcome);
        }
        return outcome;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
