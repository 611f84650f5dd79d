package rs.greenvoucher.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The checked-in examples of the messages between services ({@code application-api}, {@code contract/<topic>/<name>.json}),
 * as the producers' tests write them and the consumers' tests read them.
 */
public final class ContractExamples {

    private ContractExamples() {
    }

    public static String read(String topic, String name) {
        String path = "/contract/" + topic + "/" + name + ".json";
        try (InputStream in = ContractExamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
