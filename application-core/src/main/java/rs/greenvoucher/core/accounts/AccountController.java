package rs.greenvoucher.core.accounts;

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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.AccountCreated;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.api.http.Tokens;
import rs.greenvoucher.platform.refusal.Refusal;

import java.net.URI;
import java.util.UUID;

/** One's own account: signing up, confirming the address, the profile and the password. */
@RestController
@Tag(name = "Accounts and tokens")
record AccountController(AccountService accounts, EmailConfirmations confirmations, SignIns signIns) {

    /** Password lengths are checked by Passwords (characters and bcrypt's 72 bytes), with one clear message. */
    record ApplicantSignUp(@NotBlank @Email @Size(max = 254) String email,
                           @NotNull @Size(max = 128, message = "must be 12 to 128 characters") String password,
                           @NotBlank @Size(max = 200) String fullName,
                           @NotNull @Pattern(regexp = "sr|en", message = "must be sr or en") String preferredLanguage) {
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
                a.emailVerified(), a.disabled(), a.disabledAt(), a.providerCode());
    }

    @PostMapping("/api/accounts/applicants")
    @Operation(summary = "Sign up as an applicant (no token needed); a link to confirm the e-mail address is mailed")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AccountCreated> signUp(@Valid @RequestBody ApplicantSignUp request) {
        Account account = accounts.signUpApplicant(request.email(), request.password(), request.fullName(), request.preferredLanguage());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(new AccountCreated(account.id(), account.username(), account.role()));
    }

    @PostMapping("/api/accounts/providers")
    @Operation(summary = "Sign up as a person of an R&D organisation (no token needed; PROVIDER); a link to confirm the "
            + "e-mail address is mailed. The account then applies for pre-qualification, or an ADMIN links it to its listed provider")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AccountCreated> signUpProvider(@Valid @RequestBody ApplicantSignUp request) {
        Account account = accounts.signUpProvider(request.email(), request.password(), request.fullName(), request.preferredLanguage());
        return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                .body(new AccountCreated(account.id(), account.username(), account.role()));
    }

    @GetMapping("/api/accounts/email-verification")
    @Operation(summary = "Confirm an e-mail address with the secret from the mailed link (no token needed)")
    AccountView verifyEmail(@RequestParam String token) {
        if (token.length() > 100) {
            throw Refusal.invalid("token", "is not a verification token");
        }
        return AccountController.view(confirmations.verifyEmail(token));
    }

    @PostMapping("/api/accounts/me/email-verification")
    @Operation(summary = "Mail a new confirmation link to my address")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<AccountView> resendVerification(JwtAuthenticationToken auth) {
        return ResponseEntity.accepted().body(AccountController.view(confirmations.resendVerification(me(auth))));
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

    /** Core's own tokens name the account's id; a token from another issuer has no account here. */
    static UUID me(JwtAuthenticationToken auth) {
        try {
            return UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound();
        }
    }
}
