package rs.greenvoucher.api.provider;

import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.ProviderCode;

import java.util.List;

/** Changes to the one list of eligible providers (P1–P3); every change is recorded as an event. */
public sealed interface ProviderCommand {

    /** Creates the registry with the initial list; refused (harmlessly) when the registry exists. */
    record SeedProviderRegistry(List<NewProvider> providers) implements ProviderCommand {
    }

    /** P3: pre-qualify a further R&D organisation; the registry assigns the next code. */
    record QualifyProvider(NewProvider provider, String by) implements ProviderCommand {
    }

    record DeactivateProvider(ProviderCode code, String reason, String by) implements ProviderCommand {
    }

    record ReactivateProvider(ProviderCode code, String by) implements ProviderCommand {
    }

    /** {@code code} is given for the seeded list and null for a new qualification; {@code mb} may be null for institutions. */
    record NewProvider(ProviderCode code, String name, ProviderKind kind, String city, Mb mb) {
    }
}
