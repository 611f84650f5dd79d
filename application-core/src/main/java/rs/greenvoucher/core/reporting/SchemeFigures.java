package rs.greenvoucher.core.reporting;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.platform.metrics.TableFigures;

/**
 * The scheme's business figures and core's waiting work, for the operator's dashboard (docs/operations.md): the
 * applications by status, the money approved and paid in EUR, the replies due today or overdue, the payment orders
 * waiting for a second manager, the account mails not yet on Kafka. Read from the read models when scraped.
 */
@Configuration(proxyBeanMethods = false)
class SchemeFigures {

    @Bean
    MeterBinder schemeMeters(JdbcClient jdbc) {
        TableFigures figures = new TableFigures(jdbc)
                .figure("gv.vouchers.approved.eur", "the approved vouchers' amounts, EUR",
                        "select coalesce(sum(approved_eur), 0) from report_application where approved_at is not null")
                .figure("gv.providers.paid.eur", "what the bank paid the providers, EUR",
                        "select coalesce(sum(amount_eur), 0) from report_money where kind = 'PAID'")
                .figure("gv.payments.waiting", "payment orders waiting for a second manager's approval",
                        "select count(*) from payment_order where status = 'PROPOSED'")
                .figure("gv.replies.due", "requests for more information whose reply-by date is today or past",
                        "select count(*) from information_deadline where reply_by <= current_date")
                .figure("gv.account.outbox.waiting", "account messages (confirmation links, revocations) not yet on Kafka",
                        "select count(*) from account_outbox where published_at is null");
        for (ApplicationStatus status : ApplicationStatus.values()) {
            figures.figure("gv.applications", "applications by status (the applicant view)",
                    "select count(*) from application_view where status = '" + status.name() + "'", "status", status.name());
        }
        return figures;
    }
}
