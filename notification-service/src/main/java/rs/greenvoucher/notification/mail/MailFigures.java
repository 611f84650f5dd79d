package rs.greenvoucher.notification.mail;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import rs.greenvoucher.platform.metrics.TableFigures;

/**
 * The mails an operator watches (docs/operations.md): by status, and the ones waiting that failed before (retried with
 * back-off: SMTP or the database refusing them shows here first).
 */
@Configuration(proxyBeanMethods = false)
class MailFigures {

    @Bean
    MeterBinder mailMeters(JdbcClient jdbc) {
        TableFigures figures = new TableFigures(jdbc);
        for (String status : new String[]{"PENDING", "SENDING", "SENT", "UNCONFIRMED"}) {
            figures.figure("gv.mails", "mails by status", "select count(*) from notification where status = '" + status + "'",
                    "status", status);
        }
        return figures.figure("gv.mails.retrying", "mails waiting that failed at least once",
                "select count(*) from notification where status = 'PENDING' and attempts > 0");
    }
}
