package rs.greenvoucher.core.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import rs.greenvoucher.platform.security.JwtTrust;
import rs.greenvoucher.platform.throttling.Throttle;
import rs.greenvoucher.platform.throttling.ThrottleRule;
import rs.greenvoucher.platform.security.ResourceServerSecurity;
import rs.greenvoucher.platform.security.TokenRevocations;
import rs.greenvoucher.platform.security.VerifiedTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.util.List;

/** Core is its own token issuer: it signs RS256 JWTs, publishes the JWKS, and checks its own tokens. */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    RSAKey signingKey(@Value("${gv.security.jwt.private-key-file:}") String privateKeyFile) {
        return JwtKeys.load(privateKeyFile);
    }

    /**
     * The public keys core publishes and accepts: the signing key and the retired ones still within their overlap
     * (gv.security.jwt.retired-key-files), so tokens signed before a rotation stay valid until they expire.
     */
    @Bean
    JWKSet publicKeys(RSAKey signingKey, @Value("${gv.security.jwt.retired-key-files:}") List<String> retiredKeyFiles) {
        List<com.nimbusds.jose.jwk.JWK> keys = new java.util.ArrayList<>();
        keys.add(signingKey.toPublicJWK());
        retiredKeyFiles.stream().filter(f -> !f.isBlank()).map(JwtKeys::loadExisting).map(RSAKey::toPublicJWK).forEach(keys::add);
        return new JWKSet(keys);
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSet publicKeys, @Value("${gv.security.jwt.issuer}") String issuer,
                          @Value("${gv.security.jwt.audience:green-voucher}") String audience, TokenRevocations revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(publicKeys)));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // the claims are checked by Spring's validators
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        var validators = JwtTrust.validators(issuer, audience, revocations);
        decoder.setJwtValidator(validators);
        return new VerifiedTokens(decoder, validators);
    }

    /**
     * bcrypt at cost 11 (about 0.15 s of a core per hash here): each hash keeps its own cost, so a lower one set for
     * the tests' hundreds of throwaway accounts (gv.security.password-hash-cost) never weakens a stored password.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${gv.security.password-hash-cost:11}") int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalStateException("gv.security.password-hash-cost must be 4 to 31 (bcrypt's log rounds), not " + cost);
        }
        return new BCryptPasswordEncoder(cost);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        return ResourceServerSecurity.chainWithRules(http, decoder, auth -> auth
                        .requestMatchers(open(HttpMethod.POST, "/api/accounts/staff"), open(HttpMethod.GET, "/api/accounts"),
                                open(HttpMethod.GET, "/api/accounts/{id:[0-9a-fA-F-]{36}}"),
                                open(HttpMethod.POST, "/api/accounts/*/disable"), open(HttpMethod.POST, "/api/accounts/*/enable"),
                                open(HttpMethod.POST, "/api/accounts/*/unlock"), open(HttpMethod.POST, "/api/accounts/*/erasure"),
                                open(HttpMethod.POST, "/api/applications/*/corrections"),
                                open(HttpMethod.POST, "/api/applications/*/corrections/*/*"),
                                open(HttpMethod.POST, "/api/calls"),
                                open(HttpMethod.POST, "/api/providers"), open(HttpMethod.POST, "/api/providers/*/*"),
                                open(HttpMethod.POST, "/api/accounts/*/provider"), open(HttpMethod.GET, "/api/provider-applications"),
                                open(HttpMethod.POST, "/api/provider-applications/*/approval"),
                                open(HttpMethod.POST, "/api/provider-applications/*/refusal")).hasRole("ADMIN")
                        .requestMatchers(open(HttpMethod.POST, "/api/provider-applications"),
                                open(HttpMethod.GET, "/api/provider-applications/mine"), open(HttpMethod.GET, "/api/provider/**"),
                                open(HttpMethod.POST, "/api/provider/vouchers/*/invoices")).hasRole("PROVIDER")
                        // payments with four eyes: managers propose and approve (docs/adr/0032)
                        .requestMatchers(open(HttpMethod.POST, "/api/applications/*/payments"),
                                open(HttpMethod.POST, "/api/applications/*/payments/*/*")).hasRole("MANAGER")
                        .requestMatchers(open(HttpMethod.GET, "/api/payments"), open(HttpMethod.GET, "/api/payments/due"))
                        .hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(open(HttpMethod.POST, "/api/applications/*/invoices/*/delivery")).hasRole("APPLICANT")
                        .requestMatchers(open(HttpMethod.GET, "/api/applications/*/money"))
                        .hasAnyRole("APPLICANT", "EVALUATOR", "MANAGER", "ADMIN")
                        .requestMatchers(open(HttpMethod.POST, "/api/applications"), open(HttpMethod.POST, "/api/applications/*/withdraw"),
                                open(HttpMethod.POST, "/api/applications/*/completion-report")).hasRole("APPLICANT")
                        .requestMatchers(open(HttpMethod.GET, "/api/applications/*/audit")).hasAnyRole("EVALUATOR", "MANAGER", "ADMIN")
                        // an applicant reads their own, staff read all; a provider reads only its own vouchers' part (/api/provider)
                        .requestMatchers(open(HttpMethod.GET, "/api/applications"), open(HttpMethod.GET, "/api/applications/*"))
                        .hasAnyRole("APPLICANT", "EVALUATOR", "MANAGER", "ADMIN")
                        .requestMatchers(open(HttpMethod.GET, "/api/reports/stage-times")).authenticated()
                        .requestMatchers("/api/reports/**").hasAnyRole("MANAGER", "ADMIN"),
                open(HttpMethod.POST, "/api/auth/token"),
                open(HttpMethod.POST, "/api/auth/refresh"),
                open(HttpMethod.POST, "/api/auth/sign-out"),
                open(HttpMethod.POST, "/api/accounts/applicants"),
                open(HttpMethod.POST, "/api/accounts/providers"),
                open(HttpMethod.GET, "/api/accounts/email-verification"),
                // the open call and the provider list are public: the portal's start page shows them to anyone
                open(HttpMethod.GET, "/api/calls"),
                open(HttpMethod.GET, "/api/providers"),
                // the log's signed heads are published, as a transparency log's are (docs/adr/0030)
                open(HttpMethod.GET, "/api/log/heads"),
                open(HttpMethod.GET, "/.well-known/jwks.json"));
    }

    /** Per client address, on top of the anonymous limit every service has (sign-in failures are counted per account). */
    @Bean
    ThrottleRule signInPerAddress(@Value("${gv.throttle.sign-in-per-address:30/PT1M}") String limit) {
        return new ThrottleRule("sign-in", "POST", "/api/auth/token", Throttle.Limit.parse(limit));
    }

    @Bean
    ThrottleRule signUpPerAddress(@Value("${gv.throttle.sign-up-per-address:20/PT1H}") String limit) {
        return new ThrottleRule("sign-up", "POST", "/api/accounts/applicants", Throttle.Limit.parse(limit));
    }

    /** A provider's sign-up shares the applicants' limit per address (the same bucket name). */
    @Bean
    ThrottleRule providerSignUpPerAddress(@Value("${gv.throttle.sign-up-per-address:20/PT1H}") String limit) {
        return new ThrottleRule("sign-up", "POST", "/api/accounts/providers", Throttle.Limit.parse(limit));
    }

    @Bean
    ThrottleRule refreshPerAddress(@Value("${gv.throttle.refresh-per-address:120/PT1M}") String limit) {
        return new ThrottleRule("refresh", "POST", "/api/auth/refresh", Throttle.Limit.parse(limit));
    }

    private static RequestMatcher open(HttpMethod method, String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, path);
    }
}
