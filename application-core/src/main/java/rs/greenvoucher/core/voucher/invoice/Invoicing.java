package rs.greenvoucher.core.voucher.invoice;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.PaymentEvent.DeliveryConfirmed;
import rs.greenvoucher.api.application.PaymentEvent.InvoiceSubmitted;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.voucher.VoucherMoney;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.core.voucher.attach.DocumentFiles;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * The providers' invoices of an approved voucher (before its completion report: D2 counts them), each for one of the
 * project's services within its agreed cost (I1, I2), its PDF sealed with the application's documents in the same
 * transaction; and the enterprise's confirmation that the service was delivered, which makes it payable (I3).
 */
@Component
public record Invoicing(Vouchers vouchers, DocumentFiles documents, Clock clock) {

    /** Until the voucher is paid the enterprise may confirm a delivery; afterwards there is nothing to pay. */
    private static final Set<ApplicationStatus> CONFIRMABLE = Set.of(ApplicationStatus.APPROVED,
            ApplicationStatus.COMPLETION_REPORTED, ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.COMPLETED);

    @CommandHandler
    public InvoiceSubmitted handle(SubmitInvoice command) {
        return vouchers.load(command).invoke(application -> {
            // a provider that is not on the voucher does not see it
            if (application.providers().stream().noneMatch(p -> p.value().equals(command.providerCode()))) {
                throw Refusal.notFound("No such resource.");
            }
            application.require(ApplicationStatus.APPROVED, "invoice a service of");
            Instant now = clock.instant();
            if (command.issuedOn().isAfter(now.atZone(ZoneId.of("Europe/Belgrade")).toLocalDate())) {
                throw Refusal.invalid("issuedOn", "must not be in the future");
            }
            application.money().checkInvoice(command.providerCode(), command.serviceIndex(), command.number(),
                    command.amount(), application.form().project().services());
            DocumentStore.Stored pdf = documents.attachBy(command.applicationId(), application.applicantId(), command.file(),
                    command.accountId(), now);
            InvoiceSubmitted submitted = new InvoiceSubmitted(command.applicationId(), command.invoiceId(), command.providerCode(),
                    command.serviceIndex(), command.number(), command.issuedOn(), command.amount(), pdf.id(), pdf.sha256(),
                    command.accountId(), application.status(), now);
            application.record(submitted);
            return submitted;
        });
    }

    @CommandHandler
    public void handle(ConfirmDelivery command) {
        vouchers.load(command).execute(application -> {
            application.requireOwner(command.applicantId());
            VoucherMoney.Invoice invoice = application.money().invoice(command.invoiceId());
            if (invoice.delivered()) {
                return; // confirmed before: nothing changes
            }
            if (!CONFIRMABLE.contains(application.status())) {
                throw new rs.greenvoucher.core.voucher.InvalidTransition("confirm a delivery of", application.status());
            }
            application.record(new DeliveryConfirmed(command.applicationId(), invoice.id(), invoice.providerCode(),
                    command.applicantId(), application.status(), clock.instant()));
        });
    }
}
