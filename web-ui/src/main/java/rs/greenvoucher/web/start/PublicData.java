package rs.greenvoucher.web.start;

import org.springframework.stereotype.Component;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.http.CallView;
import rs.greenvoucher.api.http.ProviderView;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.text.ProviderNames;
import rs.greenvoucher.web.portal.Formats;
import rs.greenvoucher.web.portal.ServiceApi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    private final Cached<List<CallView>> calls;
    private final Cached<List<ProviderView>> providers;

    PublicData(ServiceApi api) {
        this.calls = new Cached<>(() -> api.listAnonymous(ServiceApi.Service.CORE, "/api/calls", CallView.class));
        this.providers = new Cached<>(() -> api.listAnonymous(ServiceApi.Service.CORE, "/api/providers", ProviderView.class));
    }

    /** A provider as a page shows it: name and city in the page's language, and the name as registered. */
    public record Provider(String code, String name, String registeredName, ProviderKind kind, String city) {
    }

    /** The call open today in Serbia, if any. */
    public Optional<CallView> openCall() {
        LocalDate today = LocalDate.now(SchemeRules.ZONE);
        return calls.get().stream().filter(c -> c.openOn(today)).findFirst();
    }

    public List<CallView> calls() {
        return calls.get();
    }

    /**
     * The active providers with {@code name} and {@code city} in the page's language (the official Serbian names on
     * Serbian pages), and the name as registered in {@code registeredName}, so a search finds either.
     */
    public List<Provider> activeProviders() {
        String language = Formats.language();
        return providers.get().stream().filter(ProviderView::active)
                .map(p -> new Provider(p.code(), ProviderNames.name(p.code(), p.name(), language), p.name(), p.kind(),
                        ProviderNames.city(p.city(), language))).toList();
    }

    public Optional<String> providerName(String code) {
        String language = Formats.language();
        return providers.get().stream().filter(p -> code.equals(p.code()))
                .map(p -> ProviderNames.name(code, p.name(), language)).findFirst();
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
