package rs.greenvoucher.core.providers.portal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The provider a signed-in PROVIDER account acts for; empty while it is not linked (docs/adr/0031). */
@Component
public class ProviderOfAccount {

    private final JdbcClient jdbc;

    ProviderOfAccount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> codeOf(JwtAuthenticationToken auth) {
        UUID account;
        try {
            account = UUID.fromString(auth.getName());
        } catch (IllegalArgumentException notAnAccount) {
            return Optional.empty();
        }
        return jdbc.sql("select provider_code from account where id = :id").param("id", account)
                .query(String.class).optional();
    }
}
