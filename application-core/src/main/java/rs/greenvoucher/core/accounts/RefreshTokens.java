package rs.greenvoucher.core.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens, rotated on every use. A token used a second time means a copy exists: the whole family (every
 * token descended from the same sign-in) is revoked, the thief's and the owner's alike.
 */
@Repository
class RefreshTokens {

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Used(UUID accountId, UUID familyId) {
    }

    String issue(UUID accountId, UUID familyId, Instant now, Duration lifetime) {
        String secret = Secrets.generate();
        jdbc.sql("""
                        insert into refresh_token (token_hash, family_id, account_id, issued_at, expires_at)
                        values (:hash, :family, :account, :now, :expires)""")
                .param("hash", Secrets.hash(secret)).param("family", familyId).param("account", accountId)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(lifetime))).update();
        return secret;
    }

    /** Marks the token used and answers whose it is; empty if unknown, expired, revoked or already used. */
    Optional<Used> use(String secret, Instant now) {
        record Row(UUID account, UUID family, Timestamp expires, Timestamp used, Timestamp revoked) {
        }
        byte[] hash = Secrets.hash(secret);
        Optional<Row> row = jdbc.sql("select * from refresh_token where token_hash = :hash for update")
                .param("hash", hash)
                .query((rs, n) -> new Row(rs.getObject("account_id", UUID.class), rs.getObject("family_id", UUID.class),
                        rs.getTimestamp("expires_at"), rs.getTimestamp("used_at"), rs.getTimestamp("revoked_at")))
                .optional();
        if (row.isEmpty() || row.get().revoked() != null || row.get().expires().toInstant().isBefore(now)) {
            return Optional.empty();
        }
        if (row.get().used() != null) {
            jdbc.sql("update refresh_token set revoked_at = :now where family_id = :family and revoked_at is null")
                    .param("now", Timestamp.from(now)).param("family", row.get().family()).update();
            return Optional.empty();
        }
        jdbc.sql("update refresh_token set used_at = :now where token_hash = :hash")
                .param("now", Timestamp.from(now)).param("hash", hash).update();
        return Optional.of(new Used(row.get().account(), row.get().family()));
    }

    void revoke(String secret, Instant now) {
        jdbc.sql("""
                        update refresh_token set revoked_at = :now where revoked_at is null
                          and family_id = (select family_id from refresh_token where token_hash = :hash)""")
                .param("now", Timestamp.from(now)).param("hash", Secrets.hash(secret)).update();
    }

    void revokeAll(UUID accountId, Instant now) {
        jdbc.sql("update refresh_token set revoked_at = :now where account_id = :account and revoked_at is null")
                .param("now", Timestamp.from(now)).param("account", accountId).update();
    }
}
