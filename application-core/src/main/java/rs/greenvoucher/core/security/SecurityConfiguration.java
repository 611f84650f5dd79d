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
import rs.greenvoucher.platform.security.ResourceServerSecurity;

/** Core is its own token issuer: it signs RS256 JWTs, publishes the JWKS, and checks its own tokens. */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    RSAKey signingKey(@Value("${gv.security.jwt.private-key-file:}") String privateKeyFile) {
        return JwtKeys.load(privateKeyFile);
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey) throws com.nimbusds.jose.JOSEException {
        return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        return ResourceServerSecurity.chainWithRules(http, decoder, auth -> auth
                        .requestMatchers(open(HttpMethod.POST, "/api/accounts/staff"), open(HttpMethod.POST, "/api/calls"),
                                open(HttpMethod.POST, "/api/providers"), open(HttpMethod.POST, "/api/providers/*/*")).hasRole("ADMIN")
                        .requestMatchers(open(HttpMethod.POST, "/api/applications"), open(HttpMethod.POST, "/api/applications/*/withdraw"),
                                open(HttpMethod.POST, "/api/applications/*/completion-report")).hasRole("APPLICANT")
                        .requestMatchers("/api/reports/**").hasAnyRole("MANAGER", "ADMIN"),
                open(HttpMethod.POST, "/api/auth/token"),
                open(HttpMethod.POST, "/api/accounts/applicants"),
                open(HttpMethod.GET, "/.well-known/jwks.json"));
    }

    private static RequestMatcher open(HttpMethod method, String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, path);
    }
}
