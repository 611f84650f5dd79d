package rs.greenvoucher.core.decisions;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import rs.greenvoucher.platform.tracing.Traces;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.evaluation.Decision;
import rs.greenvoucher.api.evaluation.EvaluationDecision;
import rs.greenvoucher.api.kafka.Topics;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.voucher.VoucherCommand;
import rs.greenvoucher.core.voucher.decide.DecideOnApplication;
import rs.greenvoucher.core.voucher.inform.RequestInformation;
import rs.greenvoucher.core.voucher.match.MatchProviders;
import rs.greenvoucher.core.voucher.refuse.RefuseDecision;
import rs.greenvoucher.core.voucher.reject.RejectApplication;
import rs.greenvoucher.core.voucher.screen.ScreenApplication;
import rs.greenvoucher.core.voucher.verify.VerifyCompletion;
import rs.greenvoucher.platform.faults.Transience;
import rs.greenvoucher.platform.kafka.PoisonMessageException;
import rs.greenvoucher.platform.kafka.ReadableMessages;
import rs.greenvoucher.platform.refusal.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/**
 * Applies the evaluators' decisions (gv.evaluation.decisions) as commands. Idempotent: the application remembers
 * every decision id it applied or refused, so a redelivered decision changes nothing. A decision the application
 * cannot take (withdrawn meanwhile, budget exhausted, wrong stage) is recorded as DecisionRefused with the reason,
 * which the evaluation service shows on the work item; so is one that fails for any other lasting reason (a value
 * the aggregate cannot take), so an evaluator never waits for ever. A database outage is retried, never refused.
 * Messages without an application to refuse them on go to the dead-letter topic.
 */
@Component
record DecisionConsumer(CommandGateway commands, JsonMapper json, Traces traces) {

    private static final Logger log = LoggerFactory.getLogger(DecisionConsumer.class);

    /** In the trace of the evaluator's request that made the decision (its record's traceparent). */
    @KafkaListener(topics = Topics.EVALUATION_DECISIONS, groupId = "application-core")
    void on(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        traces.continued(Traces.of(record.headers()), Topics.EVALUATION_DECISIONS + " process",
                io.micrometer.tracing.Span.Kind.CONSUMER, () -> apply(record.value()));
    }

    private void apply(String message) {
        JsonNode tree = ReadableMessages.tree(json, message, "decision");
        UUID applicationId = uuid(tree.path("applicationId"));
        UUID decisionId = uuid(tree.path("decisionId"));
        if (applicationId == null || decisionId == null) {
            throw new PoisonMessageException("a decision without an application or decision id", null);
        }
        EvaluationDecision decision;
        try {
            decision = json.treeToValue(tree, EvaluationDecision.class);
        } catch (JacksonException | IllegalArgumentException e) {
            refuse(applicationId, decisionId, "INVALID_DECISION", "The decision could not be read: " + e.getMessage());
            return;
        }
        VoucherCommand command;
        try {
            command = toCommand(decision);
        } catch (RuntimeException e) {
            refuse(applicationId, decisionId, "INVALID_DECISION", "The decision could not be read: " + e.getMessage());
            return;
        }
        try {
            commands.sendAndWait(command);
            log.info("Decision {} on {} applied", decisionId, applicationId);
        } catch (AggregateNotFoundException e) {
            throw new PoisonMessageException("no application " + decision.applicationId(), e);
        } catch (Refusal e) {
            refuse(applicationId, decisionId, e.code().name(), e.getMessage());
        } catch (RuntimeException e) {
            if (Transience.isTransient(e)) {
                throw e; // the database or event store is away: retried until it is back (DeadLetters)
            }
            // whatever else went wrong, the evaluator learns it and can decide again; the item never waits for ever
            log.warn("Decision {} on {} could not be applied", decision.decisionId(), decision.applicationId(), e);
            refuse(applicationId, decisionId, "DECISION_NOT_APPLICABLE", "The decision could not be applied ("
                    + e.getClass().getSimpleName() + "). Please check it and decide again.");
        }
    }

    private void refuse(UUID applicationId, UUID decisionId, String code, String reason) {
        log.info("Decision {} on {} refused: {} {}", decisionId, applicationId, code, reason);
        String shortReason = reason == null ? code : reason.length() > 900 ? reason.substring(0, 900) + "…" : reason;
        try {
            commands.sendAndWait(new RefuseDecision(applicationId, decisionId, code, shortReason));
        } catch (AggregateNotFoundException e) {
            throw new PoisonMessageException("no application " + applicationId, e);
        }
    }

    private static UUID uuid(JsonNode node) {
        try {
            return node.isString() ? UUID.fromString(node.asString()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One command per kind of decision; IllegalArgumentException when the message makes no decision. */
    static VoucherCommand toCommand(EvaluationDecision message) {
        Decision decision = message.decision();
        UUID app = message.applicationId();
        UUID id = message.decisionId();
        String by = message.decidedBy();
        if (decision instanceof Decision.InformationRequest i) {
            return new RequestInformation(app, id, i.stage(), i.message(), i.documentKinds(), i.fields(), i.replyBy(), by);
        }
        if (decision instanceof Decision.Screening s) {
            return new ScreenApplication(app, id, s.passed(), s.checks(), s.noteToApplicant(), by);
        } else if (decision instanceof Decision.Matching m) {
            return new MatchProviders(app, id, m.providerCodes(), m.note(), by);
        } else if (decision instanceof Decision.MatchingRejection r) {
            return new RejectApplication(app, id, Stage.PROVIDER_MATCHING, r.ruleCodes(), r.note(), by);
        } else if (decision instanceof Decision.Committee c) {
            return new DecideOnApplication(app, id, c.approved(), c.voucherAmountEur(), c.scores(), c.ruleCodes(), c.reason(), by);
        }
        Decision.Verification v = (Decision.Verification) decision;
        return new VerifyCompletion(app, id, v.accepted(), v.note(), by);
    }
}
