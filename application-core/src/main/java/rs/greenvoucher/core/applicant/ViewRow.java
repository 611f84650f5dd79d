package rs.greenvoucher.core.applicant;

import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** An application's row of the applicant view as the events so far make it. */
final class ViewRow {
    final UUID id;
    final String trackingCode;
    final String applicantId;
    final String mb;
    String enterpriseName;
    String status;
    final UUID callId;
    final Instant submittedAt;
    Instant updatedAt;
    ObjectNode doc;
    long lastSequence;

    ViewRow(UUID id, String trackingCode, String applicantId, String mb, String enterpriseName, String status, UUID callId,
            Instant submittedAt, Instant updatedAt, ObjectNode doc, long lastSequence) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.applicantId = applicantId;
        this.mb = mb;
        this.enterpriseName = enterpriseName;
        this.status = status;
        this.callId = callId;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
        this.doc = doc;
        this.lastSequence = lastSequence;
    }
}
