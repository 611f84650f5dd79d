package rs.greenvoucher.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Core's keys from either of its instances (GV_JWKS_URI with several addresses: docs/adr/0035). */
class JwtTrustTest {

    private final RSAKey key = generate("core-key");
    private HttpServer live;

    @AfterEach
    void stop() {
        if (live != null) {
            live.stop(0);
        }
    }

    @Test
    void anInstanceOfCoreThatIsDownIsPassedOverForTheNext() throws Exception {
        JwtDecoder decoder = JwtTrust.jwksDecoder(closedAddress() + "," + serveKeys(), jwt -> OAuth2TokenValidatorResult.success());

        assertThat(decoder.decode(token(key)).getSubject()).isEqualTo("ana");
        // and again within the rate limit of the address that is down: the next one's keys, not a refusal
        assertThat(decoder.decode(token(key)).getSubject()).isEqualTo("ana");
    }

    @Test
    void aTokenOfAKeyNoInstanceHasIsRefusedAsATokenNotAsAServerError() throws Exception {
        JwtDecoder decoder = JwtTrust.jwksDecoder(closedAddress() + "," + serveKeys(), jwt -> OAuth2TokenValidatorResult.success());
        String forged = token(generate("someone-elses"));

        // the first fetches the set again; the second, within the rate limit, finds no key: both are bad tokens (401)
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
    }

    private String serveKeys() throws Exception {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        live.start();
        return "http://127.0.0.1:" + live.getAddress().getPort() + "/.well-known/jwks.json";
    }

    private static String closedAddress() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/.well-known/jwks.json"; // refused once closed
        }
    }

    private static String token(RSAKey signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("ana").expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
