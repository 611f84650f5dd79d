package rs.greenvoucher.core.providers;

import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.provider.Organisation;
import rs.greenvoucher.api.provider.ProviderCommand.NewProvider;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.providers.prequalification.ProviderList;

import java.time.Clock;

/**
 * The registry as the pre-qualification's list: loaded in the approving command's unit of work, so that its
 * ProviderQualified and the application's approval are appended in one transaction. (L3 was claimed at the
 * application, so it is not claimed again here.)
 */
@Component
class RegistryProviderList implements ProviderList {

    private final Repository<ProviderRegistry> registry;
    private final Clock clock;

    RegistryProviderList(@Qualifier("providerRegistryRepository") Repository<ProviderRegistry> registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public ProviderCode qualify(Organisation o, String by) {
        return registry.load(ProviderRegistry.ID)
                .invoke(r -> r.qualify(new NewProvider(null, o.name(), o.kind(), o.city(), o.mb()), by, clock.instant()));
    }
}
