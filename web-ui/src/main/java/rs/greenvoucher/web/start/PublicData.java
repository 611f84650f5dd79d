package rs.greenvoucher.web.start;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.text.ProviderNames;
import rs.greenvoucher.web.portal.ServiceApi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The calls and the provider list: public, the same for everyone and seldom changed, so read once per half a
 * minute rather than once per visitor.
 */
@Component
public class PublicData {

    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final ServiceApi api;
    private final Cached<List<Object>> calls;
    private final Cached<List<Object>> providers;

    PublicData(ServiceApi api) {
        this.api = api;
        this.calls = new Cached<>(() -> ServiceApi.list(api.getAnonymous(ServiceApi.Service.CORE, "/api/calls")));
        this.providers = new Cached<>(() -> ServiceApi.list(api.getAnonymous(ServiceApi.Service.CORE, "/api/providers")));
    }

    /** The call open today in Serbia, if any. */
    public Optional<Map<String, Object>> openCall() {
        LocalDate today = LocalDate.now(SchemeRules.ZONE);
        return calls.get().stream().map(ServiceApi::map)
                .filter(c -> !LocalDate.parse((String) c.get("opensOn")).isAfter(today)
                        && !LocalDate.parse((String) c.get("closesOn")).isBefore(today))
                .findFirst();
    }

    /**
     * The active providers with {@code name} and {@code city} in the page's language (the official Serbian names on
     * Serbian pages), and the name as registered in {@code registeredName}, so a search finds either.
     */
    public List<Map<String, Object>> activeProviders() {
        String language = rs.greenvoucher.web.portal.Formats.language();
        return providers.get().stream().map(ServiceApi::map).filter(p -> Boolean.TRUE.equals(p.get("active")))
                .map(p -> localised(p, language)).toList();
    }

    public Optional<String> providerName(String code) {
        String language = rs.greenvoucher.web.portal.Formats.language();
        return providers.get().stream().map(ServiceApi::map).filter(p -> code.equals(p.get("code")))
                .map(p -> ProviderNames.name(code, (String) p.get("name"), language)).findFirst();
    }

    private static Map<String, Object> localised(Map<String, Object> provider, String language) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(provider);
        p.put("registeredName", provider.get("name"));
        p.put("name", ProviderNames.name((String) provider.get("code"), (String) provider.get("name"), language));
        p.put("city", ProviderNames.city((String) provider.get("city"), language));
        return p;
    }

    /** After an admin changed a call or a provider: this instance reads them afresh (others within half a minute). */
    public void forget() {
        calls.forget();
        providers.forget();
    }

    private static final class Cached<T> {
        private record Entry<T>(T value, Instant at) {
        }

        private final Supplier<T> source;
        private final AtomicReference<Entry<T>> entry = new AtomicReference<>();

        Cached(Supplier<T> source) {
            this.source = source;
        }

        void forget() {
            entry.set(null);
        }

        T get() {
            Entry<T> current = entry.get();
            if (current == null || current.at().plus(FRESH_FOR).isBefore(Instant.now())) {
                current = new Entry<>(source.get(), Instant.now());
                entry.set(current);
            }
            return current.value();
        }
    }
}
