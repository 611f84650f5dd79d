package rs.greenvoucher.core.payments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.InvoiceView;
import rs.greenvoucher.api.http.PaymentDue;
import rs.greenvoucher.api.http.PaymentOrderView;
import rs.greenvoucher.api.http.VoucherMoneyView;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The invoices and payment orders as the pages read them (PaymentTables writes them). */
@Component
public class PaymentReads {

    private static final String INVOICES = """
            select i.*, p.name as provider_name, o.status as order_status
            from voucher_invoice i left join provider p on p.code = i.provider_code
                 left join payment_order o on o.id = i.payment_id
            """;
    private static final String ORDERS = """
            select o.*, v.tracking_code, p.name as provider_name,
                   (select username from account a where a.id::text = o.proposed_by) as proposed_name,
                   (select username from account a where a.id::text = o.approved_by) as approved_name,
                   (select username from account a where a.id::text = o.declined_by) as declined_name
            from payment_order o join application_view v on v.id = o.application_id
                 left join provider p on p.code = o.provider_code
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaymentReads(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The application as its view holds it; empty if there is none. */
    public Optional<ApplicationView> application(UUID id) {
        return jdbc.sql("select doc::text from application_view where id = :id").param("id", id).query(String.class).optional()
                .map(doc -> json.readValue(doc, ApplicationView.class));
    }

    /** The voucher's money: services against their invoices, the invoices, the orders and what is payable now. */
    public Optional<VoucherMoneyView> money(UUID applicationId) {
        return application(applicationId).map(v -> {
            List<ApplicationForm.Service> services = v.project().services();
            List<InvoiceView> invoices = invoices(applicationId, null);
            List<VoucherMoneyView.ServiceLine> lines = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                int index = i;
                List<InvoiceView> of = invoices.stream().filter(inv -> inv.serviceIndex() == index).toList();
                lines.add(new VoucherMoneyView.ServiceLine(i, services.get(i).type().name(), services.get(i).costEur().amount(),
                        of.isEmpty() ? null : of.get(0).providerCode(),
                        of.stream().map(InvoiceView::amountEur).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)));
            }
            Map<String, VoucherMoneyView.Payable> payable = new LinkedHashMap<>();
            invoices.stream().filter(inv -> "DELIVERED".equals(inv.state())).forEach(inv -> payable.merge(inv.providerCode(),
                    new VoucherMoneyView.Payable(inv.providerCode(), inv.providerName(), inv.amountEur()),
                    (a, b) -> new VoucherMoneyView.Payable(a.providerCode(), a.providerName(), a.confirmedEur().add(b.confirmedEur()))));
            BigDecimal share = jdbc.sql("select max_share_percent from scheme_call where id = :id").param("id", v.callId())
                    .query(BigDecimal.class).optional().orElse(null);
            return new VoucherMoneyView(applicationId, v.trackingCode(), v.status(),
                    v.voucher() == null ? null : v.voucher().amountEur(), share, lines, invoices,
                    orders("where o.application_id = :app", Map.of("app", applicationId)), List.copyOf(payable.values()));
        });
    }

    /** The invoices of an application, of one provider when {@code providerCode} is given, oldest first. */
    public List<InvoiceView> invoices(UUID applicationId, String providerCode) {
        Optional<ApplicationView> view = application(applicationId);
        List<ApplicationForm.Service> services = view.map(v -> v.project().services()).orElse(List.of());
        return jdbc.sql(INVOICES + " where i.application_id = :app and (cast(:provider as varchar) is null or i.provider_code = :provider)"
                        + " order by i.submitted_at, i.number")
                .param("app", applicationId).param("provider", providerCode)
                .query((rs, n) -> invoice(rs, services)).list();
    }

    public Optional<InvoiceView> invoice(UUID applicationId, UUID invoiceId) {
        return invoices(applicationId, null).stream().filter(i -> i.id().equals(invoiceId)).findFirst();
    }

    /** Payment orders by {@code where} (over {@code o}, the order), newest first. */
    public List<PaymentOrderView> orders(String where, Map<String, ?> params) {
        var spec = jdbc.sql(ORDERS + where + " order by o.proposed_at desc limit 500");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query((rs, n) -> order(rs)).list();
    }

    public Optional<PaymentOrderView> order(UUID applicationId, UUID paymentId) {
        return orders("where o.application_id = :app and o.id = :id", Map.of("app", applicationId, "id", paymentId)).stream()
                .findFirst();
    }

    /** What waits for a payment order: the confirmed, unordered invoices of completed vouchers, per voucher and provider. */
    public List<PaymentDue> due() {
        return jdbc.sql("""
                        select i.application_id, v.tracking_code, i.provider_code, p.name as provider_name, sum(i.amount_eur) as confirmed
                        from voucher_invoice i join application_view v on v.id = i.application_id
                             left join provider p on p.code = i.provider_code
                        where v.status = 'COMPLETED' and i.delivered_at is not null and i.payment_id is null
                        group by i.application_id, v.tracking_code, i.provider_code, p.name
                        order by v.tracking_code, i.provider_code limit 500""")
                .query((rs, n) -> new PaymentDue(rs.getObject("application_id", UUID.class), rs.getString("tracking_code"),
                        rs.getString("provider_code"), rs.getString("provider_name"), rs.getBigDecimal("confirmed"))).list();
    }

    private static InvoiceView invoice(ResultSet rs, List<ApplicationForm.Service> services) throws SQLException {
        int index = rs.getInt("service_index");
        ApplicationForm.Service service = index < services.size() ? services.get(index) : null;
        String order = rs.getString("order_status");
        String state = rs.getObject("payment_id") != null && order != null
                ? ("PAID".equals(order) ? "PAID" : "PAYMENT_" + order)
                : rs.getTimestamp("delivered_at") != null ? "DELIVERED" : "SUBMITTED";
        return new InvoiceView(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("provider_code"), rs.getString("provider_name"), index,
                service == null ? null : service.type().name(), service == null ? null : service.costEur().amount(),
                rs.getString("number"), rs.getObject("issued_on", java.time.LocalDate.class), rs.getBigDecimal("amount_eur"),
                rs.getObject("document_id", UUID.class), rs.getString("sha256"), instant(rs, "submitted_at"),
                instant(rs, "delivered_at"), rs.getObject("payment_id", UUID.class), state);
    }

    private static PaymentOrderView order(ResultSet rs) throws SQLException {
        return new PaymentOrderView(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("tracking_code"), rs.getString("provider_code"), rs.getString("provider_name"),
                rs.getBigDecimal("invoiced_eur"), rs.getBigDecimal("share_percent"), rs.getBigDecimal("amount_eur"),
                rs.getString("status"), rs.getString("proposed_name"), instant(rs, "proposed_at"), rs.getString("approved_name"),
                instant(rs, "approved_at"), rs.getString("bank_reference"), instant(rs, "paid_at"), rs.getString("declined_name"),
                instant(rs, "declined_at"), rs.getString("decline_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
