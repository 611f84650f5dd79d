package rs.greenvoucher.api.http;

import rs.greenvoucher.api.value.ApplicationStatus;

import java.util.UUID;

/** An accepted submission (201): the application's id, its status and the tracking code the applicant quotes. */
public record SubmissionAccepted(UUID id, ApplicationStatus status, String trackingCode) {
}
