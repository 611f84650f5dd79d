package rs.greenvoucher.api.provider;

import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.ProviderCode;

import java.time.Instant;

public sealed interface ProviderEvent {

    ProviderCode code();

    Instant occurredAt();

    record ProviderQualified(ProviderCode code, String name, ProviderKind kind, String city, Mb mb, boolean initialList,
                             String by, Instant occurredAt) implements ProviderEvent {
    }

    record ProviderDeactivated(ProviderCode code, String reason, String by, Instant occurredAt) implements ProviderEvent {
    }

    record ProviderReactivated(ProviderCode code, String by, Instant occurredAt) implements ProviderEvent {
    }
}
