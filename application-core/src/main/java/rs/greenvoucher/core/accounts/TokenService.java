package rs.greenvoucher.core.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import rs.greenvoucher.api.http.Tokens;
import rs.greenvoucher.platform.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Issues the RS256 access tokens every service trusts (short-lived, with issuer, audience and the account's token
 * version) and the refresh tokens that renew them. Lifetimes follow the real clock, not the scheme's business clock
 * (which tests move).
 */
@Service
public class TokenService {

    private final JwtEncoder encoder;
    private final RefreshTokens refreshTokens;
    private final Clock clock = Clock.systemUTC();
    private final String issuer;
    private final String audience;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    TokenService(JwtEncoder encoder, RefreshTokens refreshTokens,
                 @Value("${gv.security.jwt.issuer}") String issuer,
                 @Value("${gv.security.jwt.audience:green-voucher}") String audience,
                 @Value("${gv.security.access-token-lifetime:PT5M}") Duration accessLifetime,
                 @Value("${gv.security.refresh-token-lifetime:P14D}") Duration refreshLifetime) {
        this.encoder = encoder;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.audience = audience;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
    }

    /** A new sign-in: a new family of refresh tokens. */
    Tokens signIn(Account account) {
        return issue(account, UUID.randomUUID());
    }

    /** A renewal: the next refresh token of the same family. */
    Tokens issue(Account account, UUID family) {
        String refresh = refreshTokens.issue(account.id(), family, clock.instant(), refreshLifetime);
        return new Tokens(accessToken(account), "Bearer", accessLifetime.toSeconds(), refresh, refreshLifetime.toSeconds());
    }

    private String accessToken(Account account) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(accessLifetime))
                .id(UUID.randomUUID().toString())
                .claim("ver", account.tokenVersion())
                .claim("preferred_username", account.username())
                .claim("name", account.fullName())
                .claim("lang", account.preferredLanguage())
                .claim("email_verified", account.emailVerified())
                .claim(Roles.CLAIM, List.of(account.role()));
        if (account.email() != null) {
            claims.claim("email", account.email());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
