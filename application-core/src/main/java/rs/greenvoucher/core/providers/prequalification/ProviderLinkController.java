package rs.greenvoucher.core.providers.prequalification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An ADMIN links a PROVIDER account to a provider already on the list (one of the initial institutions), having
 * checked out of band that the person works there. A new organisation is linked by its approved pre-qualification.
 */
@RestController
@Tag(name = "Providers")
class ProviderLinkController {

    private final JdbcClient jdbc;
    private final ProviderAccounts accounts;

    ProviderLinkController(JdbcClient jdbc, ProviderAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    record LinkRequest(ProviderCode providerCode) {
    }

    record Linked(UUID accountId, String providerCode, String providerName) {
    }

    @PostMapping("/api/accounts/{id}/provider")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Link a PROVIDER account to a provider on the list: from now on it acts for it (ADMIN; 409 if the "
            + "account is not a provider's or acts for one already)")
    public Linked link(@PathVariable UUID id, @RequestBody LinkRequest request) {
        if (request == null || request.providerCode() == null) {
            throw Refusal.invalid("providerCode", "is required");
        }
        String name = jdbc.sql("select name from provider where code = :c").param("c", request.providerCode().value())
                .query(String.class).optional().orElseThrow(() -> Refusal.invalid("providerCode", "is not on the list"));
        var row = jdbc.sql("select role, provider_code from account where id = :id for update").param("id", id)
                .query((r, n) -> new String[]{r.getString(1), r.getString(2)}).optional().orElseThrow(Refusal::notFound);
        if (!Roles.PROVIDER.equals(row[0]) || row[1] != null) {
            throw new Refusal(RefusalCode.INVALID_TRANSITION, !Roles.PROVIDER.equals(row[0])
                    ? "Only a provider's account can act for a provider." : "The account acts for provider " + row[1] + " already.",
                    List.of(), List.of(), Map.of("currentStatus", row[1] == null ? row[0] : "LINKED"));
        }
        accounts.link(id, request.providerCode());
        return new Linked(id, request.providerCode().value(), name);
    }
}
