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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.AccountCreated;
import rs.greenvoucher.api.http.AccountView;
import rs.greenvoucher.platform.refusal.Refusal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The ADMIN's accounts: staff accounts made, every account listed, disabled, enabled and unlocked. */
@RestController
@Tag(name = "Accounts and tokens")
class StaffAccountController {

    private final AccountService accounts;
    private final SignIns signIns;

    StaffAccountController(AccountService accounts, SignIns signIns) {
        this.accounts = accounts;
        this.signIns = signIns;
    }

    record StaffAccount(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") String username,
                        @NotNull @Size(max = 128, message = "must be 12 to 128 characters") String password,
                        @NotBlank @Size(max = 200) String fullName,
                        @NotNull @Pattern(regexp = "EVALUATOR|MANAGER|ADMIN", message = "must be EVALUATOR, MANAGER or ADMIN") String role,
                        @Email @Size(max = 254) String email) {
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
        if (role != null && !role.matches("APPLICANT|PROVIDER|EVALUATOR|MANAGER|ADMIN")) {
            throw Refusal.invalid("role", "must be APPLICANT, PROVIDER, EVALUATOR, MANAGER or ADMIN");
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
        return AccountController.view(accounts.disable(AccountController.me(auth), id));
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
}
