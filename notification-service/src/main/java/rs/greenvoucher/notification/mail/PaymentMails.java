package rs.greenvoucher.notification.mail;

import rs.greenvoucher.api.kafka.DecisionMessage;
import rs.greenvoucher.api.kafka.PaymentMessage;
import rs.greenvoucher.notification.mail.Templates.Mail;


import static rs.greenvoucher.notification.mail.Templates.EN_DATE;
import static rs.greenvoucher.notification.mail.Templates.SR_DATE;
import static rs.greenvoucher.notification.mail.Templates.eur;
import static rs.greenvoucher.notification.mail.Templates.sr;

/**
 * The mails of a voucher's money (docs/adr/0032): to the people of a provider when a voucher that names it is approved
 * and at each state of its invoices and payments; to the enterprise when every provider is paid.
 */
final class PaymentMails {

    private PaymentMails() {
    }

    /** To a provider named on an approved voucher. */
    static Mail approvedForProvider(String lang, String provider, String trackingCode, DecisionMessage.VoucherApproved m) {
        return sr(lang)
                ? new Mail("Odobren vaučer na kome ste pružalac — " + trackingCode, "Poštovani,\n\nvaučer " + trackingCode
                + " na kome je " + provider + " pružalac usluga odobren je na " + eur(m.amountEur().amount(), lang)
                + " EUR, do " + SR_DATE.format(m.validUntil()) + ". Fakture za svoje usluge podnosite na portalu, na stranici"
                + " pružaoca.\n\nZeleni vaučer")
                : new Mail("A voucher naming you as provider is approved — " + trackingCode, "Hello,\n\nvoucher " + trackingCode
                + ", on which " + provider + " is a provider, was approved for EUR " + eur(m.amountEur().amount(), lang)
                + ", until " + EN_DATE.format(m.validUntil()) + ". Submit the invoices of your services on the portal, on"
                + " the provider's page.\n\nGreen Voucher");
    }

    /** To the provider an invoice or payment is of: what changed. */
    static Mail forProvider(String lang, String trackingCode, PaymentMessage m) {
        boolean sr = sr(lang);
        String what;
        if (m instanceof PaymentMessage.InvoiceSubmitted i) {
            what = sr ? "Faktura " + i.number() + " na " + eur(i.amount().amount(), lang) + " EUR je primljena; čeka da preduzeće potvrdi isporuku."
                    : "Invoice " + i.number() + " of EUR " + eur(i.amount().amount(), lang) + " was received; it waits for the enterprise to confirm the delivery.";
        } else if (m instanceof PaymentMessage.DeliveryConfirmed) {
            what = sr ? "Preduzeće je potvrdilo isporuku usluge; faktura čeka nalog za plaćanje."
                    : "The enterprise confirmed the delivery of the service; the invoice waits for a payment order.";
        } else if (m instanceof PaymentMessage.PaymentProposed p) {
            what = sr ? "Predložen je nalog za plaćanje od " + eur(p.amount().amount(), lang) + " EUR; čeka odobrenje."
                    : "A payment order of EUR " + eur(p.amount().amount(), lang) + " was proposed; it waits for approval.";
        } else if (m instanceof PaymentMessage.PaymentApproved p) {
            what = sr ? "Nalog za plaćanje od " + eur(p.amount().amount(), lang) + " EUR je odobren i ide banci."
                    : "The payment order of EUR " + eur(p.amount().amount(), lang) + " was approved and goes to the bank.";
        } else if (m instanceof PaymentMessage.PaymentDeclined d) {
            what = sr ? "Nalog za plaćanje je odbijen: " + d.reason() + " Fakture čekaju novi nalog."
                    : "The payment order was declined: " + d.reason() + " The invoices wait for a new order.";
        } else {
            PaymentMessage.PaymentMade p = (PaymentMessage.PaymentMade) m;
            what = sr ? "Plaćeno je " + eur(p.amount().amount(), lang) + " EUR (referenca banke " + p.bankReference() + ")."
                    : "EUR " + eur(p.amount().amount(), lang) + " was paid (bank reference " + p.bankReference() + ").";
        }
        return sr
                ? new Mail("Fakture i plaćanja — " + trackingCode, "Poštovani,\n\nvaučer " + trackingCode + ": " + what + "\n\nZeleni vaučer")
                : new Mail("Invoices and payments — " + trackingCode, "Hello,\n\nvoucher " + trackingCode + ": " + what + "\n\nGreen Voucher");
    }

    /** To the enterprise, when no provider of its voucher waits for money any more. */
    static Mail allPaid(String lang, String name, String trackingCode) {
        return sr(lang)
                ? new Mail("Pružaoci usluga su plaćeni — " + trackingCode, "Poštovani/a " + name + ",\n\nsvi pružaoci usluga sa"
                + " vaučera " + trackingCode + " plaćeni su po fakturama čiju ste isporuku potvrdili.\n\nZeleni vaučer")
                : new Mail("Your providers are paid — " + trackingCode, "Dear " + name + ",\n\nevery provider of voucher "
                + trackingCode + " has been paid for the invoices whose delivery you confirmed.\n\nGreen Voucher");
    }
}
