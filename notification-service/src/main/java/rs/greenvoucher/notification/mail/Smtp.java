package rs.greenvoucher.notification.mail;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** One mail over SMTP: plain text and the same as HTML, its Message-ID the notification's id. */
@Component
class Smtp {

    private final JavaMailSender sender;
    private final String from;

    Smtp(JavaMailSender sender, @Value("${gv.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    void send(MailOutbox.Pending mail) throws jakarta.mail.MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        // multipart/alternative: the plain text first (what every client can show), then the same as HTML
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(mail.body(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(Templates.html(mail.body(), mail.language()), "UTF-8", "html");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setHeader("Message-ID", "<" + mail.id() + "@greenvoucher.rs>");
        sender.send(message);
    }

    /**
     * The server may have the mail when a connection was made and the failure was not the server's own refusal: a
     * read timeout or a dropped connection while it was being handed over or while waiting for the server's answer.
     * Not when the connection could not be made at all (server down, unknown host, connect timeout).
     */
    static boolean mayHaveBeenAccepted(Exception e) {
        if (!(e instanceof org.springframework.mail.MailSendException send)
                || String.valueOf(send.getMessage()).startsWith("Mail server connection failed")) {
            return false;
        }
        for (Exception failure : send.getFailedMessages().values()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof jakarta.mail.SendFailedException || t instanceof jakarta.mail.internet.AddressException) {
                    return false; // the server answered: it refused
                }
                if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                        || t.getClass().getSimpleName().equals("MailConnectException")) {
                    return false; // never connected
                }
                if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.SocketException) {
                    return true;
                }
            }
        }
        return false;
    }
}
