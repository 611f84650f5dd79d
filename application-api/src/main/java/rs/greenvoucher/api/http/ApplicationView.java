package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.Stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An application as its applicant (and staff) read it: the form as submitted, where it stands, the providers, the
 * voucher, a rejection, the completion report and the timeline in the applicant's language. Core keeps it as a
 * document per application; {@code asOf} rebuilds the same document from the events up to an instant.
 */
public record ApplicationView(UUID id, String trackingCode, ApplicationStatus status, UUID callId, Instant submittedAt,
                              ApplicationForm.Enterprise enterprise, ApplicationForm.Project project,
                              List<ProviderCode> providerCodes, ApplicationForm.Declarations declarations,
                              @Schema(description = "the providers requested, then those matched") List<NamedProvider> providers,
                              @Schema(types = {"object", "null"}, description = "null until approved") Voucher voucher,
                              @Schema(types = {"object", "null"}, description = "null unless rejected") Rejection rejection,
                              @Schema(types = {"object", "null"}, description = "null until reported") CompletionReport completionReport,
                              String language, List<TimelineEntry> timeline,
                              @Schema(types = {"object", "null"}, description = "the request for more information that waits for the applicant's reply (D3); null if none")
                              InformationRequest informationRequest) {

    /** What an evaluator asked for at a stage, by when; the applicant replies in the portal or with POST .../information-reply. */
    @Schema(name = "ApplicationInformationRequest")
    public record InformationRequest(Stage stage, String message, List<DocumentKind> documentKinds,
                                     List<RequestedField> fields, LocalDate replyBy, Instant askedAt) {
    }

    public record NamedProvider(String code, String name) {
    }

    /** The voucher once approved; paidEur and completedAt once the completion is verified. */
    @Schema(name = "ApplicationVoucher") // not the what-if's Voucher
    public record Voucher(BigDecimal amountEur, LocalDate validUntil, Instant approvedAt,
                          @Schema(types = {"number", "null"}) BigDecimal paidEur,
                          @Schema(types = {"string", "null"}, format = "date-time") Instant completedAt) {
    }

    @Schema(name = "ApplicationRejection") // not the report's Rejection
    public record Rejection(Stage stage, List<String> ruleCodes, @Schema(types = {"string", "null"}) String reason) {
    }

    /** One line of the timeline: the status after an event, when, and what it means in the applicant's words. */
    public record TimelineEntry(ApplicationStatus status, Instant at, String note) {
    }
}
