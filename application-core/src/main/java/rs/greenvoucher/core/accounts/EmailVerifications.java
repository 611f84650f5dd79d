package rs.greenvoucher.core.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The one-time secrets of e-mail verification links. */
@Repository
class EmailVerifications {

    private final JdbcClient jdbc;

    EmailVerifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Verified(UUID accountId, String email) {
    }

    String create(UUID accountId, String email, Instant expiresAt) {
        String secret = Secrets.generate();
        jdbc.sql("insert into email_verification (token_hash, account_id, email, expires_at) values (:hash, :account, :email, :expires)")
                .param("hash", Secrets.hash(secret)).param("account", accountId).param("email", email)
                .param("expires", Timestamp.from(expiresAt)).update();
        return secret;
    }

    /** Uses the secret once; empty if unknown, expired or used. */
    Optional<Verified> use(String secret, Instant now) {
        return jdbc.sql("""
                        update email_verification set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now
                        returning account_id, email""")
                .param("hash", Secrets.hash(secret)).param("now", Timestamp.from(now))
                .query((rs, n) -> new Verified(rs.getObject("account_id", UUID.class), rs.getString("email")))
                .optional();
    }
}
