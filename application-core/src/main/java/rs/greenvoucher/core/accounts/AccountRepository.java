package rs.greenvoucher.core.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the username is taken (case-insensitively); answers whether it inserted. */
    boolean insert(Account account, Instant now) {
        return jdbc.sql("""
                        insert into account (id, username, password_hash, full_name, role, email, preferred_language, created_at,
                            email_verified_at, token_version)
                        values (:id, :username, :hash, :fullName, :role, :email, :language, :now, :verified, 1)
                        on conflict (lower(username)) do nothing""")
                .param("id", account.id())
                .param("username", account.username())
                .param("hash", account.passwordHash())
                .param("fullName", account.fullName())
                .param("role", account.role())
                .param("email", account.email())
                .param("language", account.preferredLanguage())
                .param("now", Timestamp.from(now))
                .param("verified", account.emailVerifiedAt() == null ? null : Timestamp.from(account.emailVerifiedAt()))
                .update() == 1;
    }

    void updateProfile(UUID id, String fullName, String language) {
        jdbc.sql("""
                        update account set full_name = coalesce(:name, full_name),
                                           preferred_language = coalesce(:lang, preferred_language)
                        where id = :id""")
                .param("id", id).param("name", fullName).param("lang", language).update();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from account where lower(username) = lower(:username)")
                .param("username", username)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select * from account where id = :id").param("id", id).query(AccountRepository::map).optional();
    }

    boolean anyWithRole(String role) {
        return jdbc.sql("select exists(select 1 from account where role = :role)").param("role", role)
                .query(Boolean.class).single();
    }

    List<Account> list(String role, int limit) {
        return jdbc.sql("select * from account where (cast(:role as varchar) is null or role = :role) order by lower(username) limit :limit")
                .param("role", role).param("limit", limit).query(AccountRepository::map).list();
    }

    void markEmailVerified(UUID id, String email, Instant now) {
        jdbc.sql("update account set email_verified_at = coalesce(email_verified_at, :now) where id = :id and email = :email")
                .param("id", id).param("email", email).param("now", Timestamp.from(now)).update();
    }

    /** Raises the token version (revoking every access token issued before) and answers the new one. */
    int disable(UUID id, Instant now) {
        return jdbc.sql("update account set disabled_at = :now, token_version = token_version + 1 where id = :id returning token_version")
                .param("id", id).param("now", Timestamp.from(now)).query(Integer.class).single();
    }

    /**
     * Erases the person from the account (docs/adr/0011): name, username and address blanked, no password, disabled,
     * its tokens revoked (the new version is the answer); its pending verification links and its published account
     * events (which name the address) go too. The row stays, so that decisions and audits still point somewhere.
     */
    int anonymise(UUID id, Instant now) {
        jdbc.sql("delete from email_verification where account_id = :id").param("id", id).update();
        jdbc.sql("delete from account_outbox where account_id = :id and published_at is not null").param("id", id).update();
        return jdbc.sql("""
                        update account set username = 'erased-' || id, email = null, full_name = :erased, password_hash = '!',
                            disabled_at = coalesce(disabled_at, :now), token_version = token_version + 1
                        where id = :id returning token_version""")
                .param("id", id).param("erased", rs.greenvoucher.api.privacy.SealedText.ERASED)
                .param("now", Timestamp.from(now)).query(Integer.class).single();
    }

    void enable(UUID id) {
        jdbc.sql("update account set disabled_at = null where id = :id").param("id", id).update();
    }

    int changePassword(UUID id, String hash, Instant now) {
        return jdbc.sql("""
                        update account set password_hash = :hash, password_changed_at = :now, token_version = token_version + 1
                        where id = :id returning token_version""")
                .param("id", id).param("hash", hash).param("now", Timestamp.from(now)).query(Integer.class).single();
    }

    private static Account map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp verified = rs.getTimestamp("email_verified_at");
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("full_name"), rs.getString("role"), rs.getString("email"), rs.getString("preferred_language"),
                verified == null ? null : verified.toInstant(), disabled == null ? null : disabled.toInstant(),
                rs.getInt("token_version"), rs.getString("provider_code"));
    }
}
