package rs.greenvoucher.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class VerifiedTokensTest {

    static RSAKey key;
    static RSAKey otherKey;

    final Set<String> revoked = new HashSet<>();
    final OAuth2TokenValidator<Jwt> validator = jwt -> revoked.contains(jwt.getSubject())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
            : jwt.getExpiresAt().isBefore(Instant.now())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null))
            : OAuth2TokenValidatorResult.success();
    final AtomicInteger verifications = new AtomicInteger();
    VerifiedTokens tokens;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    VerifiedTokensTest() throws Exception {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        tokens = new VerifiedTokens(counting, validator, 3);
    }

    static String token(RSAKey signer, String subject, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires)).issueTime(new Date()).build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRecognised() throws Exception {
        String token = token(key, "ana", Instant.now().plusSeconds(300));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("ana");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("ana");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("ana");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenRevokedAfterItsFirstUseIsRefused() throws Exception {
        String token = token(key, "ana", Instant.now().plusSeconds(300));
        tokens.decode(token);

        revoked.add("ana");

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("revoked");
    }

    @Test
    void aTokenThatExpiredAfterItsFirstUseIsRefused() throws Exception {
        String token = token(key, "ana", Instant.now().plusMillis(1500));
        tokens.decode(token);

        await().atMost(Duration.ofSeconds(10)).until(() -> expired(token));
        assertThat(verifications).hasValue(1);
    }

    private boolean expired(String token) {
        try {
            tokens.decode(token);
            return false;
        } catch (JwtException e) {
            return e.getMessage().contains("expired");
        }
    }

    @Test
    void aTokenSignedByAnotherKeyIsVerifiedAndRefusedEveryTime() throws Exception {
        String forged = token(otherKey, "ana", Instant.now().plusSeconds(300));

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aVerifiedTokenWithAnyCharacterChangedIsVerifiedAgainAndRefused() throws Exception {
        String token = token(key, "ana", Instant.now().plusSeconds(300));
        tokens.decode(token);
        char last = token.charAt(token.length() - 2);
        String changed = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThatThrownBy(() -> tokens.decode(changed)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theCacheIsBounded() throws Exception {
        String first = token(key, "user-0", Instant.now().plusSeconds(300));
        tokens.decode(first);
        for (int i = 1; i < 3; i++) {
            tokens.decode(token(key, "user-" + i, Instant.now().plusSeconds(300)));
        }
        int before = verifications.get();

        tokens.decode(token(key, "one-too-many", Instant.now().plusSeconds(300)));
        tokens.decode(first);

        assertThat(verifications.get() - before).as("the full cache was emptied, so the first token is verified again").isEqualTo(2);
    }
}
