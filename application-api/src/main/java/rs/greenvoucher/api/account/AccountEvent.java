package rs.greenvoucher.api.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * What core tells the other services about accounts, on {@link rs.greenvoucher.api.kafka.Topics#ACCOUNT_EVENTS}
 * keyed by account id. The {@code type} property names the variant. Consumers ignore types they do not know.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AccountEvent.VerificationRequested.class, name = "VerificationRequested"),
        @JsonSubTypes.Type(value = AccountEvent.AccountLocked.class, name = "AccountLocked"),
        @JsonSubTypes.Type(value = AccountEvent.TokensRevoked.class, name = "TokensRevoked")})
public sealed interface AccountEvent {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    UUID accountId();

    Instant occurredAt();

    /** Mail this link to the address so its owner can prove it is theirs. The link holds a one-time secret. */
    record VerificationRequested(UUID eventId, UUID accountId, String email, String fullName, String language,
                                 String link, Instant expiresAt, Instant occurredAt) implements AccountEvent {
    }

    /** Too many wrong passwords: sign-in is refused until {@code lockedUntil}; tell the owner. */
    record AccountLocked(UUID eventId, UUID accountId, String email, String fullName, String language,
                         Instant lockedUntil, Instant occurredAt) implements AccountEvent {
    }

    /**
     * Access tokens of this account with a version ({@code ver} claim) below {@code validFromVersion} are no longer
     * accepted anywhere. {@code reason} is DISABLED or PASSWORD_CHANGED.
     */
    record TokensRevoked(UUID eventId, UUID accountId, int validFromVersion, String reason, Instant occurredAt)
            implements AccountEvent {
    }
}
