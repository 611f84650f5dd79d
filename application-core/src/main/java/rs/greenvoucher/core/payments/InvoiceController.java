package rs.greenvoucher.core.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import rs.greenvoucher.api.http.InvoiceView;
import rs.greenvoucher.api.http.VoucherMoneyView;
import rs.greenvoucher.api.value.InvalidValueException;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.providers.portal.ProviderOfAccount;
import rs.greenvoucher.core.voucher.invoice.ConfirmDelivery;
import rs.greenvoucher.core.voucher.invoice.SubmitInvoice;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.security.Roles;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Invoices (docs/adr/0032): a provider of an approved voucher submits its invoice for one of the project's services,
 * with the PDF; the enterprise confirms the delivery; the enterprise and staff read the voucher's money.
 */
@RestController
@Tag(name = "Invoices and payments")
class InvoiceController {

    static final String NUMBER = "[A-Za-z0-9][A-Za-z0-9/._-]{0,39}";

    private final CommandGateway commands;
    private final PaymentReads reads;
    private final JdbcClient jdbc;

    private final ProviderOfAccount providers;

    InvoiceController(CommandGateway commands, PaymentReads reads, JdbcClient jdbc, ProviderOfAccount providers) {
        this.commands = commands;
        this.reads = reads;
        this.jdbc = jdbc;
        this.providers = providers;
    }

    @PostMapping(path = "/api/provider/vouchers/{id}/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "Invoice one service of an approved voucher my provider is on (PROVIDER; multipart: file (PDF), "
            + "serviceIndex, number, issuedOn, amountEur). One provider per service (I1); a service's invoices within its "
            + "agreed cost (I2). Recorded as InvoiceSubmitted")
    ResponseEntity<InvoiceView> submit(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                                       @RequestParam(value = "serviceIndex", required = false) String serviceIndex,
                                       @RequestParam(value = "number", required = false) String number,
                                       @RequestParam(value = "issuedOn", required = false) String issuedOn,
                                       @RequestParam(value = "amountEur", required = false) String amountEur,
                                       JwtAuthenticationToken auth) throws IOException {
        String provider = providers.codeOf(auth).orElse(null);
        if (provider == null) {
            throw Refusal.notFound("No such resource."); // an account not linked to a provider has no vouchers
        }
        RequestCheck check = new RequestCheck();
        Integer index = null;
        if (check.required("serviceIndex", serviceIndex) && check.that(serviceIndex.matches("\\d{1,2}"), "serviceIndex",
                "must be the index of one of the project's services")) {
            index = Integer.parseInt(serviceIndex);
        }
        if (check.required("number", number)) {
            check.that(number.matches(NUMBER), "number", "1 to 40 letters, digits and / . _ -, starting with a letter or digit");
        }
        LocalDate issued = null;
        if (check.required("issuedOn", issuedOn)) {
            try {
                issued = LocalDate.parse(issuedOn);
            } catch (DateTimeParseException e) {
                check.that(false, "issuedOn", "must be a date (YYYY-MM-DD)");
            }
        }
        Money amount = null;
        if (check.required("amountEur", amountEur)) {
            try {
                amount = Money.eur(new BigDecimal(amountEur.strip()));
                check.that(amount.amount().signum() > 0, "amountEur", "must be more than 0");
            } catch (NumberFormatException | InvalidValueException e) {
                check.that(false, "amountEur", "must be an amount in EUR with at most 2 decimals");
            }
        }
        check.that(file != null && !file.isEmpty(), "file", "the invoice's PDF is required");
        check.orRefuse();
        Upload pdf = Upload.of("INVOICE", provider, file.getOriginalFilename(), file.getBytes());
        if (!"application/pdf".equals(pdf.mediaType())) {
            throw Refusal.invalid("file", "an invoice is a PDF");
        }
        UUID invoiceId = UUID.randomUUID();
        commands.sendAndWait(new SubmitInvoice(id, invoiceId, provider, auth.getName(), index, number, issued, amount, pdf));
        return ResponseEntity.created(URI.create("/api/applications/" + id + "/money"))
                .body(reads.invoice(id, invoiceId).orElseThrow());
    }

    @PostMapping(path = "/api/applications/{id}/invoices/{invoiceId}/delivery", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Confirm that the service an invoice is for was delivered (APPLICANT, own voucher): the invoice "
            + "becomes payable (I3). Recorded as DeliveryConfirmed; confirming again changes nothing")
    InvoiceView confirm(@PathVariable UUID id, @PathVariable UUID invoiceId, JwtAuthenticationToken auth) {
        commands.sendAndWait(new ConfirmDelivery(id, invoiceId, auth.getName()));
        return reads.invoice(id, invoiceId).orElseThrow(Refusal::notFound);
    }

    @GetMapping(path = "/api/applications/{id}/money", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT', 'EVALUATOR', 'MANAGER', 'ADMIN')")
    @Operation(summary = "A voucher's money: each service's agreed cost against its invoices, the invoices, the payment "
            + "orders and what is payable now (APPLICANT own; EVALUATOR, MANAGER, ADMIN)")
    VoucherMoneyView money(@PathVariable UUID id, JwtAuthenticationToken auth) {
        if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.APPLICANT))) {
            boolean own = jdbc.sql("select exists(select 1 from application_view where id = :id and applicant_id = :a)")
                    .param("id", id).param("a", auth.getName()).query(Boolean.class).single();
            if (!own) {
                throw Refusal.notFound();
            }
        }
        return reads.money(id).orElseThrow(Refusal::notFound);
    }
}
