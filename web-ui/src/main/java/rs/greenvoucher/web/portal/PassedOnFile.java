package rs.greenvoucher.web.portal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.net.http.HttpResponse;
import java.util.List;

/**
 * A document passed on to the browser as core served it: its type (a PDF or an image to be shown, anything else a
 * download of a type nothing runs), its disposition and name, never cached by others. The portal's own security
 * headers (its CSP, nosniff) come on top.
 */
public final class PassedOnFile {

    private static final List<String> KEPT = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.CACHE_CONTROL, "X-Content-Type-Options");

    private PassedOnFile() {
    }

    public static ResponseEntity<byte[]> of(HttpResponse<byte[]> file) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        for (String header : KEPT) {
            file.headers().firstValue(header).ifPresent(value -> answer.header(header, value));
        }
        return answer.body(file.body());
    }
}
