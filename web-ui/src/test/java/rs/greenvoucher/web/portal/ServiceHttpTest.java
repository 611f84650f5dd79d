package rs.greenvoucher.web.portal;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal in front of two instances of a service (docker-compose.yml): one that is down is passed over. */
class ServiceHttpTest {

    @Test
    void anInstanceThatRefusesTheConnectionIsPassedOverForTheNext() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens here once it is closed: connections are refused
        }
        AtomicInteger served = new AtomicInteger();
        HttpServer live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/api/ping", exchange -> {
            served.incrementAndGet();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        live.start();
        try {
            var beans = new DefaultListableBeanFactory();
            ServiceHttp http = new ServiceHttp("http://127.0.0.1:" + closed + "/, http://127.0.0.1:" + live.getAddress().getPort(),
                    "http://127.0.0.1:" + closed, "http://127.0.0.1:" + closed, "",
                    beans.getBeanProvider(io.micrometer.tracing.Tracer.class),
                    beans.getBeanProvider(io.micrometer.tracing.propagation.Propagator.class));
            for (int i = 0; i < 4; i++) { // whichever instance its turn starts at
                assertThat(new String(http.call(ServiceApi.Service.CORE, "GET", "/api/ping", null, null, "application/json"),
                        StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
            }
            assertThat(served.get()).isEqualTo(4);
        } finally {
            live.stop(0);
        }
    }

    @Test
    void theAddressesAreOneOrSeveralSeparatedByCommas() {
        assertThat(ServiceHttp.instances("http://core:8080/")).containsExactly("http://core:8080");
        assertThat(ServiceHttp.instances("http://core-1:8080, http://core-2:8080")).containsExactly("http://core-1:8080", "http://core-2:8080");
    }
}
