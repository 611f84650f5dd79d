package rs.greenvoucher.api.http;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An applicant's draft. {@code form} is the application as far as it is filled in, as the applicant typed it: not yet
 * a valid form (a number may still be "12.000,5"), so it has the form's field names but no types of its own.
 */
public record DraftView(UUID id, UUID callId, Map<String, Object> form, int step, Instant createdAt,
                        Instant updatedAt) {
}
