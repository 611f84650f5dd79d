package rs.greenvoucher.core.providers.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.PaymentOrderView;
import rs.greenvoucher.api.http.ProviderVoucher;
import rs.greenvoucher.core.payments.PaymentReads;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The vouchers a provider is named on, from provider matching on (before it the enterprise has only asked), for the
 * PROVIDER accounts acting for it; an account not linked yet has none.
 */
@RestController
@Tag(name = "Providers")
class ProviderVouchersController {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PaymentReads payments;
    private final ProviderOfAccount provider;

    ProviderVouchersController(JdbcClient jdbc, JsonMapper json, PaymentReads payments, ProviderOfAccount provider) {
        this.jdbc = jdbc;
        this.json = json;
        this.payments = payments;
        this.provider = provider;
    }

    static final List<String> NAMED = List.of("PROVIDER_MATCHED", "APPROVED", "COMPLETION_REPORTED", "COMPLETED", "EXPIRED");

    @GetMapping("/api/provider/vouchers")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The vouchers my provider is named on, from provider matching on, newest first: the enterprise, "
            + "the project's title and services, the status, the approved amount, and my invoices and payments (PROVIDER)")
    List<ProviderVoucher> vouchers(JwtAuthenticationToken auth) {
        String code = provider.codeOf(auth).orElse(null);
        if (code == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select doc::text from application_view
                        where doc -> 'providers' @> jsonb_build_array(jsonb_build_object('code', cast(:code as text)))
                          and status in (:named)
                        order by submitted_at desc limit 500""")
                .param("code", code).param("named", NAMED).query(String.class).list().stream()
                .map(doc -> json.readValue(doc, ApplicationView.class))
                .map(v -> new ProviderVoucher(v.id(), v.trackingCode(), v.enterprise().name(), v.project().title(), v.status(),
                        v.project().services(), v.voucher() == null ? null : v.voucher().amountEur(),
                        v.voucher() == null ? null : v.voucher().validUntil(), payments.invoices(v.id(), code),
                        payments.orders("where o.application_id = :app and o.provider_code = :code",
                                java.util.Map.of("app", v.id(), "code", code)).stream().map(PaymentOrderView::forProvider).toList()))
                .toList();
    }
}
