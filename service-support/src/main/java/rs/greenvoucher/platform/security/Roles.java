package rs.greenvoucher.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;

/** The roles of the contract, carried in the JWT's {@code roles} claim and mapped to ROLE_* authorities. */
public final class Roles {

    public static final String APPLICANT = "APPLICANT";
    /** a person of an R&D provider (issue 28): pre-qualification, the vouchers that name the provider, its invoices */
    public static final String PROVIDER = "PROVIDER";
    public static final String EVALUATOR = "EVALUATOR";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";

    public static final String CLAIM = "roles";

    private Roles() {
    }

    public static Converter<Jwt, AbstractAuthenticationToken> jwtConverter() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList(CLAIM);
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
