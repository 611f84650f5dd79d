package rs.greenvoucher.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** An SMTP server that keeps every mail, and a web page (newest first) where a person reads them. */
final class MailCatcher {

    private final GreenMail smtp;
    private final HttpServer web;

    private MailCatcher(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    static MailCatcher start(int smtpPort, int webPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        MailCatcher catcher = new MailCatcher(smtp, web);
        web.createContext("/", exchange -> {
            byte[] page = catcher.page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        web.start();
        return catcher;
    }

    /** The confirmation link in the newest mail to this address, if it has arrived. */
    java.util.Optional<String> confirmationLink(String email) {
        MimeMessage[] messages = smtp.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                if (addresses(messages[i].getAllRecipients()).contains(email)) {
                    java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S*(email-verification|confirm-email)\\?token=[A-Za-z0-9_-]+")
                            .matcher(text(messages[i]));
                    if (link.find()) {
                        return java.util.Optional.of(link.group());
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                // not this one
            }
        }
        return java.util.Optional.empty();
    }

    private String page() {
        MimeMessage[] messages = smtp.getReceivedMessages();
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Green Voucher mail</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"><style>body{font-family:sans-serif;margin:2em}"
                + "article{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1em 0}pre{white-space:pre-wrap}</style>"
                + "</head><body><h1>Mail caught by the local SMTP server</h1><p>")
                .append(messages.length).append(" message(s), newest first. The page refreshes itself.</p>");
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage m = messages[i];
            try {
                html.append("<article><b>To:</b> ").append(escape(addresses(m.getAllRecipients())))
                        .append("<br><b>From:</b> ").append(escape(addresses(m.getFrom())))
                        .append("<br><b>Date:</b> ").append(m.getSentDate())
                        .append("<br><b>Subject:</b> ").append(escape(m.getSubject()))
                        .append("<pre>").append(escape(text(m))).append("</pre></article>");
            } catch (MessagingException e) {
                html.append("<article>unreadable message</article>");
            }
        }
        return html.append("</body></html>").toString();
    }

    private static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof jakarta.mail.Multipart multipart && multipart.getCount() > 0) {
                content = multipart.getBodyPart(0).getContent();
            }
            return String.valueOf(content);
        } catch (IOException | MessagingException e) {
            return "(unreadable body)";
        }
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (Address a : addresses) {
            s.append(s.isEmpty() ? "" : ", ").append(a.toString());
        }
        return s.toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    void stop() {
        web.stop(0);
        smtp.stop();
    }
}
