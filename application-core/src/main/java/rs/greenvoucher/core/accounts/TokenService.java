package rs.greenvoucher.core.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import rs.greenvoucher.platform.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Issues the RS256 access tokens every service trusts. */
@Service
public class TokenService {

    public static final Duration LIFETIME = Duration.ofHours(1);

    private final JwtEncoder encoder;
    private final Clock clock;
    private final String issuer;

    /** Token lifetimes follow the real clock, not the scheme's business clock (which tests move). */
    TokenService(JwtEncoder encoder, @Value("${gv.security.jwt.issuer}") String issuer) {
        this.encoder = encoder;
        this.clock = Clock.systemUTC();
        this.issuer = issuer;
    }

    public String issue(Account account) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("preferred_username", account.username())
                .claim("name", account.fullName())
                .claim("lang", account.preferredLanguage())
                .claim(Roles.CLAIM, List.of(account.role()));
        if (account.email() != null) {
            claims.claim("email", account.email());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
