package rs.greenvoucher.core.accounts;

import com.nimbusds.jose.jwk.JWKSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.Tokens;

import java.util.Map;

/** Tokens: signing in, renewing, signing out, and the public keys that verify them. */
@RestController
@Tag(name = "Accounts and tokens")
record TokenController(SignIns signIns, JWKSet publicKeys) {

    record TokenRequest(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Exchange a username and password for an access token and a refresh token "
            + "(401 wrong; 403 ACCOUNT_DISABLED; 429 ACCOUNT_LOCKED or TOO_MANY_REQUESTS with Retry-After)")
    Tokens token(@Valid @RequestBody TokenRequest request) {
        return signIns.signIn(request.username(), request.password());
    }

    @PostMapping("/api/auth/refresh")
    @Operation(summary = "A new access token and the next refresh token for a refresh token (each is used once)")
    Tokens refresh(@Valid @RequestBody RefreshRequest request) {
        return signIns.refresh(request.refreshToken());
    }

    @PostMapping("/api/auth/sign-out")
    @Operation(summary = "Revoke a refresh token and every token renewed from the same sign-in")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> signOut(@Valid @RequestBody RefreshRequest request) {
        signIns.signOut(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The public keys that verify core's tokens (the signing key and retired keys still in overlap)")
    Map<String, Object> jwks() {
        return publicKeys.toJSONObject();
    }
}
