package rs.greenvoucher.core.accounts;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.platform.web.ApiException;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Accounts and tokens")
class AccountController {

    private final AccountService accounts;
    private final TokenService tokens;
    private final RSAKey signingKey;

    AccountController(AccountService accounts, TokenService tokens, RSAKey signingKey) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.signingKey = signingKey;
    }

    record TokenRequest(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 128) String password) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    record ApplicantSignUp(@NotBlank @Email @Size(max = 254) String email,
                           @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
                           @NotBlank @Size(max = 200) String fullName,
                           @NotNull @Pattern(regexp = "sr|en", message = "must be sr or en") String preferredLanguage) {
    }

    record StaffAccount(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") String username,
                        @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
                        @NotBlank @Size(max = 200) String fullName,
                        @NotNull @Pattern(regexp = "EVALUATOR|MANAGER|ADMIN", message = "must be EVALUATOR, MANAGER or ADMIN") String role,
                        @Email @Size(max = 254) String email) {
    }

    record AccountCreated(UUID id, String username, String role) {
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Exchange a username and password for a bearer token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        Account account = accounts.authenticate(request.username(), request.password())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Wrong username or password."));
        return new TokenResponse(tokens.issue(account), "Bearer", TokenService.LIFETIME.toSeconds());
    }

    @PostMapping("/api/accounts/applicants")
    @Operation(summary = "Sign up as an applicant (no token needed)")
    ResponseEntity<AccountCreated> signUp(@Valid @RequestBody ApplicantSignUp request) {
        Account account = accounts.signUpApplicant(request.email(), request.password(), request.fullName(), request.preferredLanguage());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(new AccountCreated(account.id(), account.username(), account.role()));
    }

    @PostMapping("/api/accounts/staff")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an evaluator, manager or admin account (ADMIN)")
    ResponseEntity<AccountCreated> staff(@Valid @RequestBody StaffAccount request) {
        Account account = accounts.createStaff(request.username(), request.password(), request.fullName(), request.role(), request.email());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(new AccountCreated(account.id(), account.username(), account.role()));
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The public keys that verify core's tokens")
    Map<String, Object> jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }
}
