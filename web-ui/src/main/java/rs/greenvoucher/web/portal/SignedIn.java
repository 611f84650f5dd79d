package rs.greenvoucher.web.portal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The signed-in person, kept in the server-side session only: the browser never sees a token. */
public record SignedIn(UUID accountId, String username, String fullName, String role, boolean emailVerified,
                       String language, String accessToken, Instant accessExpiresAt, String refreshToken)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ATTRIBUTE = "gv.signedIn";

    public boolean applicant() {
        return "APPLICANT".equals(role);
    }

    /** A person of an R&D organisation: pre-qualification, then the vouchers that name their provider. */
    public boolean provider() {
        return "PROVIDER".equals(role);
    }

    public boolean staff() {
        return "EVALUATOR".equals(role) || "MANAGER".equals(role) || "ADMIN".equals(role);
    }

    /** Where a person starts after signing in. */
    public String home() {
        return switch (role == null ? "" : role) {
            case "PROVIDER" -> "/provider";
            case "EVALUATOR" -> "/console";
            case "MANAGER" -> "/dashboard";
            case "ADMIN" -> "/admin";
            default -> "/applications";
        };
    }

    SignedIn withTokens(String access, Instant expiresAt, String refresh) {
        return new SignedIn(accountId, username, fullName, role, emailVerified, language, access, expiresAt, refresh);
    }

    public SignedIn withProfile(String name, String lang, boolean verified) {
        return new SignedIn(accountId, username, name, role, verified, lang, accessToken, accessExpiresAt, refreshToken);
    }

    @Override
    public String toString() {
        return "SignedIn[" + username + "]"; // never the tokens, in logs or anywhere else
    }
}
