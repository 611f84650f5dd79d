package rs.greenvoucher.api.call;

import java.time.Instant;
import java.util.UUID;

public sealed interface CallEvent {

    UUID callId();

    record CallCreated(UUID callId, CallParameters parameters, String by, Instant occurredAt) implements CallEvent {
    }
}
