package rs.greenvoucher.api.kafka;

import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.Stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The payload of a message on {@link Topics#APPLICATION_EVENTS}, schema version {@link EventEnvelope#SCHEMA_VERSION}:
 * one record per event type, named as the envelope's {@code type}. Each is the event's own fields plus what the
 * contract adds to all (the status after the event, the enterprise's MB) and to some (the call's money rules on a
 * submission, the providers' names on a match, {@code amountEur}/{@code paidEur}). Written by core's publisher, read
 * by the evaluation and notification services; checked-in examples of each are in
 * {@code contract/gv.application.events/}.
 */
public sealed interface ApplicationMessage permits DecisionMessage, PaymentMessage, ApplicationMessage.ApplicationSubmitted,
        ApplicationMessage.ApplicationWithdrawn, ApplicationMessage.CompletionReported, ApplicationMessage.VoucherExpired,
        ApplicationMessage.CorrectionProposed, ApplicationMessage.CorrectionDeclined, ApplicationMessage.PersonalDataErased,
        ApplicationMessage.DocumentAttached, ApplicationMessage.InformationProvided, ApplicationMessage.ReplyReminderDue,
        ApplicationMessage.InformationRequestExpired, ApplicationMessage.Unrecognised {

    UUID applicationId();

    Instant occurredAt();

    /** The application's status after the event. */
    ApplicationStatus status();

    String enterpriseMb();

    /** The type of message with this envelope type, or {@link Unrecognised} for a type newer than this code. */
    static Class<? extends ApplicationMessage> classOf(String type) {
        return Types.BY_NAME.getOrDefault(type, Unrecognised.class);
    }

    /** The envelope's {@code type} for this message. */
    static String typeOf(ApplicationMessage message) {
        return message.getClass().getSimpleName();
    }

    /** Every record of this interface (and of {@link DecisionMessage}) by its simple name. */
    final class Types {
        private static final Map<String, Class<? extends ApplicationMessage>> BY_NAME = records(ApplicationMessage.class)
                .filter(c -> c != Unrecognised.class)
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, c -> c));

        private Types() {
        }

        private static Stream<Class<? extends ApplicationMessage>> records(Class<?> sealed) {
            return Arrays.stream(sealed.getPermittedSubclasses()).flatMap(c -> c.isInterface() ? records(c)
                    : Stream.of(c.asSubclass(ApplicationMessage.class)));
        }
    }

    /** The call's money rules as they were at submission, so that a consumer can pre-check S4/E10 without asking core. */
    record CallMoneyRules(String name, Money maxVoucherEur, BigDecimal maxSharePercent, Money minServiceCostEur,
                          BigDecimal maxEquipmentSharePercent, Integer completionMonths) {
        public MoneyLimits moneyLimits() {
            return new MoneyLimits(maxVoucherEur, maxSharePercent, minServiceCostEur, maxEquipmentSharePercent);
        }
    }

    /** {@code applicantEmail} is null for applications submitted before addresses were confirmed. */
    record ApplicationSubmitted(UUID applicationId, String trackingCode, UUID callId, String applicantId,
                                ApplicationForm form, Instant occurredAt, String applicantLanguage, String applicantEmail,
                                CallMoneyRules callParameters, ApplicationStatus status, String enterpriseMb)
            implements ApplicationMessage {
        public ApplicationSubmitted {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(trackingCode, "trackingCode");
        }
    }

    record ApplicationWithdrawn(UUID applicationId, String reason, Instant occurredAt, ApplicationStatus status,
                                String enterpriseMb) implements ApplicationMessage {
    }

    record CompletionReported(UUID applicationId, CompletionReport report, Instant occurredAt, ApplicationStatus status,
                              String enterpriseMb) implements ApplicationMessage {
    }

    record VoucherExpired(UUID applicationId, UUID callId, Money releasedAmount, Instant occurredAt,
                          ApplicationStatus status, String enterpriseMb) implements ApplicationMessage {
    }

    /** An ADMIN proposed a correction of a decision; it waits for a second ADMIN. The status does not change. */
    record CorrectionProposed(UUID applicationId, UUID correctionId, Stage stage, String kind, List<String> ruleCodes,
                              String reason, String proposedBy, Instant occurredAt, ApplicationStatus status,
                              String enterpriseMb) implements ApplicationMessage {
    }

    /** A proposed correction was declined. The status does not change. */
    record CorrectionDeclined(UUID applicationId, UUID correctionId, String declinedBy, Instant occurredAt,
                              ApplicationStatus status, String enterpriseMb) implements ApplicationMessage {
    }

    /**
     * The application's personal data was erased: its key is gone from {@code gv.personal.keys}, and every copy of
     * its personal fields is to be blanked. Carries no personal data; {@code applicantId} names whose account it was.
     */
    record PersonalDataErased(UUID applicationId, String applicantId, String reason, Instant occurredAt,
                              ApplicationStatus status, String enterpriseMb) implements ApplicationMessage {
    }

    /** A document was attached (what it is, never its bytes: those are fetched from core when opened). */
    record DocumentAttached(UUID applicationId, UUID documentId, String kind, String providerCode, String fileName,
                            String mediaType, long sizeBytes, String sha256, String uploadedBy, Instant occurredAt,
                            ApplicationStatus status, String enterpriseMb) implements ApplicationMessage {
    }

    /** The applicant's reply; {@code form} is the whole form with the fields asked about changed, null if none was. */
    record InformationProvided(UUID applicationId, UUID requestId, Stage stage, String reply, List<String> changedFields,
                               ApplicationForm form, String repliedBy, String returnedTo, Instant occurredAt,
                               ApplicationStatus status, String enterpriseMb) implements ApplicationMessage {
    }

    record ReplyReminderDue(UUID applicationId, UUID requestId, LocalDate replyBy, Instant occurredAt,
                            ApplicationStatus status, String enterpriseMb) implements ApplicationMessage {
    }

    /** No reply by {@code replyBy} (rule D3): the application expired at {@code stage}. */
    record InformationRequestExpired(UUID applicationId, UUID requestId, Stage stage, UUID callId, Money releasedAmount,
                                     LocalDate replyBy, List<String> ruleCodes, Instant occurredAt,
                                     ApplicationStatus status, String enterpriseMb) implements ApplicationMessage {
    }

    /**
     * A type newer than this code: readers know only what every message has. It is never written.
     */
    record Unrecognised(UUID applicationId, Instant occurredAt, ApplicationStatus status, String enterpriseMb)
            implements ApplicationMessage {
    }
}
