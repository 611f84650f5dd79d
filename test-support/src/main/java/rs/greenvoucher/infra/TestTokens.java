package rs.greenvoucher.infra;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Stands in for core's token issuer in a service's own tests: an RSA key, its JWKS served over HTTP on a free port
 * (as core serves /.well-known/jwks.json), and RS256 tokens with the contract's claims.
 */
public final class TestTokens {

    private static TestTokens instance;

    private final RSAKey key;
    private final HttpServer jwks;

    private TestTokens(RSAKey key, HttpServer jwks) {
        this.key = key;
        this.jwks = jwks;
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            try {
                RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server.createContext("/", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                instance = new TestTokens(key, server);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public String token(String subject, String name, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(subject).issuer("green-voucher-core").audience("green-voucher").claim("name", name)
                            .claim("roles", List.of(roles)).issueTime(new Date())
                            .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
