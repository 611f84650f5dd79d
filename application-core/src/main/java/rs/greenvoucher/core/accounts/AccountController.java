package rs.greenvoucher.core.accounts;

import rs.greenvoucher.api.http.Tokens;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.api.http.AccountCreated;
import com.nimbusds.jose.jwk.JWKSet;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.platform.refusal.Refusal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Accounts and tokens")
class AccountController {

    private final AccountService accounts;
    private final SignIns signIns;
    private final JWKSet publicKeys;

    AccountController(AccountService accounts, SignIns signIns, JWKSet publicKeys) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.publicKeys = publicKeys;
    }

    record TokenRequest(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    /** Password lengths are checked by Passwords (characters and bcrypt's 72 bytes), with one clear message. */
    record ApplicantSignUp(@NotBlank @Email @Size(max = 254) String email,
                           @NotNull @Size(max = 128, message = "must be 12 to 128 characters") String password,
                           @NotBlank @Size(max = 200) String fullName,
                           @NotNull @Pattern(regexp = "sr|en", message = "must be sr or en") String preferredLanguage) {
    }

    record StaffAccount(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") String username,
                        @NotNull @Size(max = 128, message = "must be 12 to 128 characters") String password,
                        @NotBlank @Size(max = 200) String fullName,
                        @NotNull @Pattern(regexp = "EVALUATOR|MANAGER|ADMIN", message = "must be EVALUATOR, MANAGER or ADMIN") String role,
                        @Email @Size(max = 254) String email) {
    }

    record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
                          @NotNull @Size(max = 128, message = "must be 12 to 128 characters") String newPassword) {
    }

    /** Either or both; what is left out stays as it is. */
    record ProfileChange(@Size(min = 1, max = 200) String fullName,
                         @Pattern(regexp = "sr|en", message = "must be sr or en") String preferredLanguage) {
    }

    /** What an account looks like to its owner and to an ADMIN (never the hash). */
    static AccountView view(Account a) {
        return new AccountView(a.id(), a.username(), a.fullName(), a.role(), a.email(), a.preferredLanguage(),
                a.emailVerified(), a.disabled(), a.disabledAt());
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

    @PostMapping("/api/accounts/applicants")
    @Operation(summary = "Sign up as an applicant (no token needed); a link to confirm the e-mail address is mailed")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AccountCreated> signUp(@Valid @RequestBody ApplicantSignUp request) {
        Account account = accounts.signUpApplicant(request.email(), request.password(), request.fullName(), request.preferredLanguage());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(new AccountCreated(account.id(), account.username(), account.role()));
    }

    @GetMapping("/api/accounts/email-verification")
    @Operation(summary = "Confirm an e-mail address with the secret from the mailed link (no token needed)")
    AccountView verifyEmail(@RequestParam String token) {
        if (token.length() > 100) {
            throw Refusal.invalid("token", "is not a verification token");
        }
        return AccountController.view(accounts.verifyEmail(token));
    }

    @PostMapping("/api/accounts/me/email-verification")
    @Operation(summary = "Mail a new confirmation link to my address")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<AccountView> resendVerification(JwtAuthenticationToken auth) {
        return ResponseEntity.accepted().body(AccountController.view(accounts.resendVerification(me(auth))));
    }

    @GetMapping("/api/accounts/me")
    @Operation(summary = "My account")
    AccountView myAccount(JwtAuthenticationToken auth) {
        return AccountController.view(accounts.find(me(auth)).orElseThrow(Refusal::notFound));
    }

    @PatchMapping("/api/accounts/me")
    @Operation(summary = "Change my name or language; the language applies to tokens issued from now on")
    AccountView updateProfile(@Valid @RequestBody ProfileChange request, JwtAuthenticationToken auth) {
        if (request.fullName() != null && request.fullName().isBlank()) {
            throw Refusal.invalid("fullName", "must not be blank");
        }
        return AccountController.view(accounts.updateProfile(me(auth), request.fullName(), request.preferredLanguage()));
    }

    @PostMapping("/api/accounts/me/password")
    @Operation(summary = "Change my password: every token issued before is revoked everywhere; the answer holds new ones")
    Tokens changePassword(@Valid @RequestBody PasswordChange request, JwtAuthenticationToken auth) {
        return signIns.changePassword(me(auth), request.currentPassword(), request.newPassword());
    }

    @PostMapping("/api/accounts/staff")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an evaluator, manager or admin account (ADMIN)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AccountCreated> staff(@Valid @RequestBody StaffAccount request) {
        Account account = accounts.createStaff(request.username(), request.password(), request.fullName(), request.role(), request.email());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(new AccountCreated(account.id(), account.username(), account.role()));
    }

    @GetMapping("/api/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Accounts, by username, at most 500 (ADMIN)")
    List<AccountView> list(@RequestParam(required = false) String role) {
        if (role != null && !role.matches("APPLICANT|EVALUATOR|MANAGER|ADMIN")) {
            throw Refusal.invalid("role", "must be APPLICANT, EVALUATOR, MANAGER or ADMIN");
        }
        return accounts.list(role).stream().map(AccountController::view).toList();
    }

    @GetMapping("/api/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "One account (ADMIN)")
    AccountView one(@PathVariable UUID id) {
        return AccountController.view(accounts.find(id).orElseThrow(Refusal::notFound));
    }

    @PostMapping("/api/accounts/{id}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Disable an account: it cannot sign in, and its tokens stop working everywhere within seconds (ADMIN)")
    AccountView disable(@PathVariable UUID id, JwtAuthenticationToken auth) {
        return AccountController.view(accounts.disable(me(auth), id));
    }

    @PostMapping("/api/accounts/{id}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Enable a disabled account again (ADMIN)")
    AccountView enable(@PathVariable UUID id) {
        return AccountController.view(accounts.enable(id));
    }

    @PostMapping("/api/accounts/{id}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Lift a lock after too many wrong passwords (ADMIN)")
    AccountView unlock(@PathVariable UUID id) {
        return AccountController.view(signIns.unlock(id));
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The public keys that verify core's tokens (the signing key and retired keys still in overlap)")
    Map<String, Object> jwks() {
        return publicKeys.toJSONObject();
    }

    /** Core's own tokens name the account's id; a token from another issuer has no account here. */
    private static UUID me(JwtAuthenticationToken auth) {
        try {
            return UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound();
        }
    }
}
