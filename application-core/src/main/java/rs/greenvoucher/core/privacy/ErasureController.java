package rs.greenvoucher.core.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.util.UUID;

@RestController
@Tag(name = "Accounts")
class ErasureController {

    static final int MAX_REASON = 500;

    private final ErasureService erasures;

    ErasureController(ErasureService erasures) {
        this.erasures = erasures;
    }

    record ErasureRequest(@Schema(description = "why, e.g. the request's reference; never the person's name", maxLength = MAX_REASON)
                          String reason) {
    }

    @PostMapping(path = "/api/accounts/{id}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Erase an applicant's personal data on their request: every application must be closed; the "
            + "events stay, their personal fields become unreadable everywhere, the account is anonymised (ADMIN)")
    ErasureService.Erasure erase(@PathVariable UUID id, @RequestBody ErasureRequest request, JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        if (check.required("body", request)) {
            check.text("reason", request.reason(), MAX_REASON);
        }
        check.orRefuse();
        return erasures.erase(id, request.reason().strip(), auth.getName());
    }
}
