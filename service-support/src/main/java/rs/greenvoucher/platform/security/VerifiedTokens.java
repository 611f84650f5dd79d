package rs.greenvoucher.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token's signature is verified once, not on every request that carries it: the RSA verification was the largest
 * single cost of a request in the profile (docs/performance.md). Only the exact text of a token already verified finds
 * it here (the signature is part of that text), and expiry, issuer, audience and revocation are checked again on
 * every use, so a revoked or expired token is refused as before. Bounded: emptied when it holds {@link #MAX} tokens
 * (about 3 KB each, so tens of MB at most).
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int MAX = 10_000;

    private final int max;
    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code verifier} checks the signature and {@code validator}; {@code validator} alone is run again on each hit. */
    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this(verifier, validator, MAX);
    }

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int max) {
        this.verifier = verifier;
        this.validator = validator;
        this.max = max;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            if (verified.size() >= max) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            String description = result.getErrors().stream().map(OAuth2Error::getDescription).findFirst().orElse("invalid token");
            throw new JwtValidationException(description, result.getErrors());
        }
        return known;
    }
}
