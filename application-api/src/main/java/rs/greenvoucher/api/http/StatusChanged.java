package rs.greenvoucher.api.http;

import rs.greenvoucher.api.value.ApplicationStatus;

import java.util.UUID;

/** An application's new status after an applicant's action (a withdrawal, a completion report). */
public record StatusChanged(UUID id, ApplicationStatus status) {
}
