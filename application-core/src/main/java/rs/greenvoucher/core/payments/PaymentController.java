package rs.greenvoucher.core.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.PaymentOrderView;
import rs.greenvoucher.core.voucher.pay.ApprovePayment;
import rs.greenvoucher.core.voucher.pay.DeclinePayment;
import rs.greenvoucher.core.voucher.pay.MarkPaid;
import rs.greenvoucher.core.voucher.pay.ProposePayment;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payment orders with four eyes (docs/adr/0032): a MANAGER proposes paying a provider of a completed voucher, another
 * approves it, a MANAGER marks it paid with the bank's reference, or declines it with a reason.
 */
@RestController
@Tag(name = "Invoices and payments")
class PaymentController {

    static final int MAX_REASON = 2_000;

    private final CommandGateway commands;
    private final PaymentReads reads;

    PaymentController(CommandGateway commands, PaymentReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    record ProposalRequest(@Schema(description = "the provider to pay") String providerCode) {
    }

    record DeclineRequest(@Schema(description = "why; the provider reads it", maxLength = MAX_REASON) String reason) {
    }

    record PaidRequest(@Schema(description = "the bank's reference of the transfer", maxLength = 60) String bankReference) {
    }

    @GetMapping(path = "/api/payments", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Payment orders, newest first, of one status if given (MANAGER, ADMIN)")
    List<PaymentOrderView> orders(@RequestParam(required = false) String status) {
        if (status == null) {
            return reads.orders("", Map.of());
        }
        String s = new RequestCheck().oneOf("status", status, "PROPOSED", "APPROVED", "PAID", "DECLINED");
        if (s == null) {
            throw Refusal.invalid("status", "must be one of PROPOSED, APPROVED, PAID, DECLINED");
        }
        return reads.orders("where o.status = :status", Map.of("status", s));
    }

    @GetMapping(path = "/api/payments/due", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "What waits for a payment order: per completed voucher and provider, the confirmed invoices no "
            + "order pays yet (MANAGER, ADMIN)")
    List<rs.greenvoucher.api.http.PaymentDue> due() {
        return reads.due();
    }

    @PostMapping(path = "/api/applications/{id}/payments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Propose paying a provider of a completed voucher the call's share of its confirmed invoices, "
            + "within the approved voucher (MANAGER; I3). Another MANAGER approves it. Recorded as PaymentProposed")
    PaymentOrderView propose(@PathVariable UUID id, @RequestBody ProposalRequest request, JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        if (check.required("body", request) && check.required("providerCode", request.providerCode())) {
            check.that(request.providerCode().matches("\\d{2,4}"), "providerCode", "a provider's code (2 to 4 digits)");
        }
        check.orRefuse();
        UUID paymentId = UUID.randomUUID();
        commands.sendAndWait(new ProposePayment(id, paymentId, request.providerCode(), auth.getName()));
        return reads.order(id, paymentId).orElseThrow();
    }

    @PostMapping(path = "/api/applications/{id}/payments/{paymentId}/approval", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Approve a proposed payment order (MANAGER, not the one who proposed it: FOUR_EYES); its amount "
            + "is claimed from the call's budget (L4). Recorded as PaymentApproved")
    PaymentOrderView approve(@PathVariable UUID id, @PathVariable UUID paymentId, JwtAuthenticationToken auth) {
        commands.sendAndWait(new ApprovePayment(id, paymentId, auth.getName()));
        return reads.order(id, paymentId).orElseThrow();
    }

    @PostMapping(path = "/api/applications/{id}/payments/{paymentId}/decline", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Decline a payment order that is not paid, saying why (MANAGER): its invoices can be proposed "
            + "again, an approved amount goes back to the call. Recorded as PaymentDeclined")
    PaymentOrderView decline(@PathVariable UUID id, @PathVariable UUID paymentId, @RequestBody DeclineRequest request,
                             JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        if (check.required("body", request)) {
            check.text("reason", request.reason(), MAX_REASON);
        }
        check.orRefuse();
        commands.sendAndWait(new DeclinePayment(id, paymentId, request.reason().strip(), auth.getName()));
        return reads.order(id, paymentId).orElseThrow();
    }

    @PostMapping(path = "/api/applications/{id}/payments/{paymentId}/paid", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MANAGER')")
    @Operation(summary = "Record that the bank paid an approved order, with its reference (MANAGER). Recorded as PaymentMade")
    PaymentOrderView paid(@PathVariable UUID id, @PathVariable UUID paymentId, @RequestBody PaidRequest request,
                          JwtAuthenticationToken auth) {
        RequestCheck check = new RequestCheck();
        if (check.required("body", request) && check.text("bankReference", request.bankReference(), 60)) {
            check.that(request.bankReference().strip().matches("[A-Za-z0-9][A-Za-z0-9 /._-]{0,59}"), "bankReference",
                    "letters, digits, spaces and / . _ -");
        }
        check.orRefuse();
        commands.sendAndWait(new MarkPaid(id, paymentId, request.bankReference().strip(), auth.getName()));
        return reads.order(id, paymentId).orElseThrow();
    }
}
