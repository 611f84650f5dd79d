package rs.greenvoucher.core.application;

import java.util.UUID;

/** The answer to a submission. */
public record Submitted(UUID id, String trackingCode) {
}
