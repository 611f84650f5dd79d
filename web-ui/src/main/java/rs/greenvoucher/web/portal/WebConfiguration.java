package rs.greenvoucher.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sessions, CSRF, headers and languages. The portal has no accounts of its own: Spring Security guards the forms
 * (CSRF) and the session; who may do what is decided by the services, with the person's own token.
 */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    /** Pages that need a signed-in person; the rest (start page, sign-up, sign-in) are open. */
    static final String[] SIGNED_IN_ONLY = {"/applications/**", "/drafts/**", "/notifications", "/profile", "/profile/**", "/console/**",
            "/dashboard/**", "/admin/**", "/provider", "/provider/**"};

    /**
     * Staff pages and the roles that see them. The services decide what each token may do; this only spares a person
     * a page that would be nothing but refusals.
     */
    static final java.util.Map<String, java.util.Set<String>> STAFF_PAGES = java.util.Map.of(
            "/console", java.util.Set.of("EVALUATOR", "MANAGER", "ADMIN"),
            "/dashboard", java.util.Set.of("MANAGER", "ADMIN"),
            "/admin", java.util.Set.of("ADMIN"),
            "/provider", java.util.Set.of("PROVIDER"),
            // an applicant's pages, and the staff's view of an application: never a provider's (it sees /provider)
            "/applications", java.util.Set.of("APPLICANT", "EVALUATOR", "MANAGER", "ADMIN"),
            "/drafts", java.util.Set.of("APPLICANT"));

    @Bean
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(c -> c.disable());
        return http.build();
    }

    /**
     * The operator's Prometheus alone reads the portal's metrics (docs/operations.md), as the services': HTTP Basic
     * {@code prometheus:<GV_METRICS_SCRAPE_TOKEN>}; without a token nobody does. A chain of its own, ahead of the pages'.
     */
    @Bean
    @org.springframework.core.annotation.Order(0)
    SecurityFilterChain scrape(HttpSecurity http, UserDetailsService users,
                               @org.springframework.beans.factory.annotation.Value("${gv.metrics.scrape-token:}") String token) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> {
                    if (token.isBlank()) {
                        a.anyRequest().denyAll();
                    } else {
                        a.anyRequest().hasRole("SCRAPER");
                    }
                })
                .httpBasic(basic -> basic.realmName("metrics"))
                .userDetailsService(users)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** No people of its own (and so no generated password in the log): only the scraper, when it has a token. */
    @Bean
    UserDetailsService noLocalUsers(@org.springframework.beans.factory.annotation.Value("${gv.metrics.scrape-token:}") String token) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (!token.isBlank()) {
            // hashed at a low cost: compared in constant time on every scrape, a secret of the operator's, not a person's
            users.createUser(org.springframework.security.core.userdetails.User.withUsername("prometheus")
                    .password("{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(token))
                    .roles("SCRAPER").build());
        }
        return users;
    }

    /** messages_sr and messages_en only, with no default file (so Spring Boot would not configure this itself). */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Formats.SERBIAN);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(Formats.SERBIAN);
        return resolver;
    }

    /**
     * The portal's own files and the webjars, each under its own path. Not Spring Boot's default {@code /**}: with the
     * webjars locator present every link written into a page is looked up against the resource handlers, and under
     * {@code /**} each of a page's links (100 rows of the queue, several links each) was looked for on the classpath
     * in four places, on every render: two thirds of the queue page's time.
     */
    @Override
    public void addResourceHandlers(org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        // browsers ask every page for an icon; without one each visit logs a 404
        registry.addResourceHandler("/favicon.svg", "/favicon.ico").addResourceLocations("classpath:/static/")
                .setCacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(7)));
        // versionless webjar paths (/webjars/htmx.org/dist/htmx.min.js) are resolved by webjars-locator-lite
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/").resourceChain(true);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                SignedIn user = ServiceApi.currentUser();
                if (user != null) {
                    for (var page : STAFF_PAGES.entrySet()) {
                        String path = request.getRequestURI();
                        if ((path.equals(page.getKey()) || path.startsWith(page.getKey() + "/")) && !page.getValue().contains(user.role())) {
                            throw new ApiProblem(403, "FORBIDDEN", "", java.util.List.of(), java.util.Map.of());
                        }
                    }
                    return true;
                }
                String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                return false;
            }
        }).addPathPatterns(SIGNED_IN_ONLY);
    }
}
