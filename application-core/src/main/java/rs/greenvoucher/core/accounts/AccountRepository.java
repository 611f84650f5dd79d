package rs.greenvoucher.core.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
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
                        insert into account (id, username, password_hash, full_name, role, email, preferred_language, created_at)
                        values (:id, :username, :hash, :fullName, :role, :email, :language, :now)
                        on conflict (lower(username)) do nothing""")
                .param("id", account.id())
                .param("username", account.username())
                .param("hash", account.passwordHash())
                .param("fullName", account.fullName())
                .param("role", account.role())
                .param("email", account.email())
                .param("language", account.preferredLanguage())
                .param("now", java.sql.Timestamp.from(now))
                .update() == 1;
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

    private static Account map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("full_name"), rs.getString("role"), rs.getString("email"), rs.getString("preferred_language"));
    }
}
