package rs.greenvoucher.notification.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

/**
 * Whether a failed send may have reached the server, against real sockets: a server that takes the whole mail and
 * never answers (it may have it: not sent again) versus one that is not there (it has nothing: sent again later).
 */
class MailOutcomeTest {

    @Test
    void aServerThatTookTheMailButNeverAnsweredMayHaveIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread smtp = new Thread(() -> silentAfterData(server));
            smtp.setDaemon(true);
            smtp.start();
            Exception failure = catchException(() -> send(server.getLocalPort()));
            assertThat(failure).isNotNull();
            assertThat(Smtp.mayHaveBeenAccepted(failure)).isTrue();
        }
    }

    @Test
    void aServerThatIsNotThereHasNothing() throws Exception {
        int closed;
        try (ServerSocket server = new ServerSocket(0)) {
            closed = server.getLocalPort();
        }
        Exception failure = catchException(() -> send(closed));
        assertThat(failure).isNotNull();
        assertThat(Smtp.mayHaveBeenAccepted(failure)).isFalse();
    }

    private static void send(int port) throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties p = new Properties();
        p.put("mail.smtp.connectiontimeout", "2000");
        p.put("mail.smtp.timeout", "1000");
        p.put("mail.smtp.writetimeout", "1000");
        sender.setJavaMailProperties(p);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom("vouchers@greenvoucher.rs");
        helper.setTo("ana@example.rs");
        helper.setSubject("Prijava primljena");
        helper.setText("Zeleni vaučer", false);
        sender.send(message);
    }

    /** Speaks SMTP up to the end of DATA, then says nothing: the mail is handed over, the answer never comes. */
    private static void silentAfterData(ServerSocket server) {
        try (Socket client = server.accept()) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            out.write("220 test\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            boolean data = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (data) {
                    if (line.equals(".")) {
                        // accepted, but the "250" never goes out
                        in.readLine();
                        return;
                    }
                    continue;
                }
                String reply = line.startsWith("EHLO") ? "250 test" : line.equals("DATA") ? "354 go on" : "250 ok";
                data = line.equals("DATA");
                out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (Exception e) {
            // the client gave up: that is the point
        }
    }
}
