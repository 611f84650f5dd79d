package rs.greenvoucher.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over 1 MiB with 413 PAYLOAD_TOO_LARGE, whether or not they declare their length. An upload
 * (multipart/form-data: one document of at most 10 MiB) may be as large as the file and its form; Spring's multipart
 * limits refuse a larger file by its own size.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    public static final long MAX_BYTES = 1024 * 1024;
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024 + 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            if (request.getContentLengthLong() > MAX_UPLOAD_BYTES) {
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream().write(Problems.json(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                        "A document may be at most 10 MiB.").getBytes(StandardCharsets.UTF_8));
                return;
            }
            chain.doFilter(request, response); // Tomcat reads the parts itself, within spring.servlet.multipart's limits
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            tooLarge(response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request), response);
        } catch (PayloadTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response);
            }
        } catch (ServletException | RuntimeException e) {
            if (causedByTooLarge(e) && !response.isCommitted()) {
                response.reset();
                tooLarge(response);
                return;
            }
            throw e;
        }
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge) {
                return true;
            }
        }
        return false;
    }

    static void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(Problems.json(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than 1 MiB.").getBytes(StandardCharsets.UTF_8));
    }

    public static final class PayloadTooLarge extends IOException {
        PayloadTooLarge() {
            super("request body over " + MAX_BYTES + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BYTES) {
                            throw new PayloadTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (read += n) > MAX_BYTES) {
                            throw new PayloadTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
