package rs.greenvoucher.api.http;

import rs.greenvoucher.api.value.ApplicationStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of applications, newest first: an applicant's own, or for staff all of them (optionally by status). */
public record ApplicationPage(List<Summary> items, int page, int size, long total) {

    public record Summary(UUID id, String trackingCode, ApplicationStatus status, String enterpriseMb, String enterpriseName,
                          Instant submittedAt, Instant updatedAt) {
    }
}
