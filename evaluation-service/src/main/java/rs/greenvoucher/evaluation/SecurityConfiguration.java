package rs.greenvoucher.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import rs.greenvoucher.platform.security.ResourceServerSecurity;

/** A resource server: tokens are signed by core and checked against its JWKS (the decoder is service-support's). */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        // MANAGER is "read-only over everything": the queue and the items, never an action
        return ResourceServerSecurity.chainWithRules(http, decoder, auth -> auth
                .requestMatchers(HttpMethod.GET, "/api/queue", "/api/queue/summary", "/api/work-items", "/api/work-items/*", "/api/provider-load").hasAnyRole("EVALUATOR", "MANAGER", "ADMIN")
                .requestMatchers("/api/**").hasAnyRole("EVALUATOR", "ADMIN"));
    }
}
