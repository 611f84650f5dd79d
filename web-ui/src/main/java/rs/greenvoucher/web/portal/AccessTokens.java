package rs.greenvoucher.web.portal;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.http.Tokens;
import rs.greenvoucher.web.portal.ServiceApi.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The signed-in person's access token, renewed with the refresh token shortly before it expires. */
@Component
class AccessTokens {

    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final ServiceHttp http;

    AccessTokens(ServiceHttp http) {
        this.http = http;
    }

    /** The token to send, or null when nobody is signed in; a refused renewal ends the session (sign in again). */
    String ofCurrentUser() {
        SignedIn user = PortalSession.currentUser();
        if (user == null) {
            return null;
        }
        if (Instant.now().plus(RENEW_BEFORE).isBefore(user.accessExpiresAt())) {
            return user.accessToken();
        }
        HttpSession session = PortalSession.session();
        try {
            Tokens tokens = http.read(http.call(Service.CORE, "POST", "/api/auth/refresh", Map.of("refreshToken", user.refreshToken()),
                    null, "application/json"), http.json.constructType(Tokens.class));
            SignedIn renewed = user.withTokens(tokens.accessToken(), Instant.now().plusSeconds(tokens.expiresIn()), tokens.refreshToken());
            if (session != null) {
                session.setAttribute(SignedIn.ATTRIBUTE, renewed);
            }
            return renewed.accessToken();
        } catch (ApiProblem e) {
            if (e.status() == 400 || e.status() == 401) {
                if (session != null) {
                    session.removeAttribute(SignedIn.ATTRIBUTE);
                }
                throw new ApiProblem(401, "UNAUTHENTICATED", "Your session has ended; sign in again.", List.of(), Map.of());
            }
            throw e;
        }
    }
}
