package rs.greenvoucher.core.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.platform.refusal.Refusal;

import java.util.UUID;

/** GDPR access: the signed-in person's data ({@link MyData}) as a file to download; the portal adds their mails. */
@RestController
@Tag(name = "Accounts")
record MyDataController(AccountService accounts, MyData data) {

    @GetMapping(path = "/api/accounts/me/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All my data that core keeps (GDPR access), as one JSON document to download")
    ResponseEntity<MyData.MyDataExport> myData(JwtAuthenticationToken auth) {
        UUID me;
        try {
            me = UUID.fromString(auth.getName());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound();
        }
        Account account = accounts.find(me).orElseThrow(Refusal::notFound);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"green-voucher-my-data.json\"")
                .body(data.of(account));
    }
}
