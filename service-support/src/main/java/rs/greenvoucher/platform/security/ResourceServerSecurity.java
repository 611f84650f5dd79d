package rs.greenvoucher.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The stateless filter chain every service uses: open health, OpenAPI and the paths a service names;
 * every other {@code /api/**} call needs a bearer JWT; errors as problem+json.
 */
public final class ResourceServerSecurity {

    private ResourceServerSecurity() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, JwtDecoder decoder, RequestMatcher... openPaths) throws Exception {
        return chainWithRules(http, decoder, auth -> {
        }, openPaths);
    }

    /**
     * As above, with role rules by path ({@code rules}) checked before a request body is even read, so that a
     * request the role may not make is answered 403 whatever its body.
     */
    public static SecurityFilterChain chainWithRules(HttpSecurity http, JwtDecoder decoder,
                                            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules,
                                            RequestMatcher... openPaths) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> {
                    // the scrape is guarded by its own token (ScrapeGuard), ahead of this chain
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                            "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll();
                    if (openPaths.length > 0) {
                        auth.requestMatchers(openPaths).permitAll();
                    }
                    // dead letters, parked events and their replays: every service's, ADMIN only
                    auth.requestMatchers("/api/admin/**").hasRole("ADMIN");
                    rules.customize(auth);
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(Roles.jwtConverter()))
                        .authenticationEntryPoint(SecurityProblems.unauthenticated())
                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(SecurityProblems.unauthenticated())
                        .accessDeniedHandler(SecurityProblems.forbidden()));
        return http.build();
    }
}
