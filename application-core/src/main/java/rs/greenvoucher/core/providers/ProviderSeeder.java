package rs.greenvoucher.core.providers;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.provider.ProviderCommand.NewProvider;
import rs.greenvoucher.api.provider.ProviderCommand.SeedProviderRegistry;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.value.ProviderCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the 68 eligible providers (reference/rd-service-providers.csv) on the first start. The registry is one
 * aggregate created by the seed, so a second start, or a second instance starting at the same time, cannot load
 * the list twice: the event store refuses a second creation.
 */
@Component
record ProviderSeeder(CommandGateway commands, JdbcClient jdbc) implements ApplicationRunner  {

    private static final Logger log = LoggerFactory.getLogger(ProviderSeeder.class);

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("select exists(select 1 from provider)").query(Boolean.class).single()) {
            return;
        }
        seed(read());
    }

    /**
     * Seeds the registry, unless another instance has just done it: that is told by the registry's first event in
     * the store, not by the kind of failure. Any other failure (the database away, a bad list) stops the start
     * rather than leaving the scheme without providers behind a log line that says all is well.
     */
    void seed(List<NewProvider> providers) {
        try {
            commands.sendAndWait(new SeedProviderRegistry(providers));
            log.info("Loaded {} providers from the initial list", providers.size());
        } catch (RuntimeException e) {
            if (!registryExists()) {
                throw new IllegalStateException("The provider list could not be loaded; the service does not start without it", e);
            }
            log.info("The provider registry exists already (seeded by another instance); not loaded again");
        }
    }

    private boolean registryExists() {
        return jdbc.sql("select exists(select 1 from domain_event_entry where aggregate_identifier = :id)")
                .param("id", ProviderRegistry.ID).query(Boolean.class).single();
    }

    static List<NewProvider> read() throws IOException {
        List<NewProvider> providers = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/rd-service-providers.csv").getInputStream(), StandardCharsets.UTF_8))) {
            in.readLine(); // header: code,name,kind,city
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = Csv.split(line);
                providers.add(new NewProvider(new ProviderCode(f.get(0)), f.get(1), ProviderKind.valueOf(f.get(2)), f.get(3), null));
            }
        }
        return providers;
    }

    /** Just enough CSV for the reference file: commas, and quotes around fields that contain them. */
    static final class Csv {
        static List<String> split(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
