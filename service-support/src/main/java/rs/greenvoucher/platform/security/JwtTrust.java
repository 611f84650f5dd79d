package rs.greenvoucher.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;

/** What every service checks in a token, beyond its signature: expiry, issuer, audience, revocation. */
public final class JwtTrust {

    private JwtTrust() {
    }

    public static OAuth2TokenValidator<Jwt> validators(String issuer, String audience, TokenRevocations revocations) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                revocations);
    }

    /**
     * A decoder for the issuer's JWKS: keys cached 15 minutes and refreshed ahead of expiry, an unknown key id
     * fetches the set again (a rotated key), and the last good set is kept through an outage of the issuer for a day.
     * Several addresses, separated by commas (each instance of core), are asked in turn when one does not answer: a
     * service that has never fetched the set must not depend on the one instance of core that happens to be down.
     */
    public static JwtDecoder jwksDecoder(String jwksUri, OAuth2TokenValidator<Jwt> validators) {
        try {
            java.util.List<JWKSource<SecurityContext>> sources = new java.util.ArrayList<>();
            for (String uri : jwksUri.split(",")) {
                if (!uri.isBlank()) {
                    sources.add(JWKSourceBuilder.<SecurityContext>create(URI.create(uri.trim()).toURL())
                            .cache(Duration.ofMinutes(15).toMillis(), Duration.ofSeconds(15).toMillis())
                            .refreshAheadCache(true)
                            .outageTolerant(Duration.ofDays(1).toMillis())
                            .build());
                }
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no address");
            }
            // a token with a key id the issuer never had makes Nimbus fetch the set again, at most once per 30 s; a
            // second such token within that time is simply signed by no key we know (401), not a server error (500).
            // An address that does not answer is passed over for the next (Nimbus's own failover turned the rate
            // limit into a server error).
            // An address whose fetches are rate limited (one that is down is, after its first failure) is passed
            // over like one that does not answer.
            JWKSource<SecurityContext> keys = (selector, context) -> {
                com.nimbusds.jose.KeySourceException last = null;
                boolean limited = false;
                for (JWKSource<SecurityContext> source : sources) {
                    try {
                        return source.get(selector, context);
                    } catch (com.nimbusds.jose.jwk.source.RateLimitReachedException e) {
                        limited = true;
                    } catch (com.nimbusds.jose.KeySourceException e) {
                        last = e;
                    }
                }
                if (limited || last == null) {
                    return java.util.List.of();
                }
                throw last;
            };
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            processor.setJWTClaimsSetVerifier((claims, context) -> {
                // the claims are checked by Spring's validators below
            });
            NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
            decoder.setJwtValidator(validators);
            return new VerifiedTokens(decoder, validators);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("gv.security.jwks-uri is not a URL: " + jwksUri, e);
        }
    }
}
