package rs.greenvoucher.core.providers;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.provider.ProviderCommand.DeactivateProvider;
import rs.greenvoucher.api.provider.ProviderCommand.QualifyProvider;
import rs.greenvoucher.api.provider.ProviderCommand.ReactivateProvider;
import rs.greenvoucher.api.provider.ProviderCommand.SeedProviderRegistry;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.limits.Limits;

import java.time.Clock;

@Component
class ProviderRegistryHandler {

    private final Repository<ProviderRegistry> repository;
    private final Limits limits;
    private final Clock clock;

    ProviderRegistryHandler(@Qualifier("providerRegistryRepository") Repository<ProviderRegistry> repository,
                            Limits limits, Clock clock) {
        this.repository = repository;
        this.limits = limits;
        this.clock = clock;
    }

    @CommandHandler
    void handle(SeedProviderRegistry command) throws Exception {
        repository.newInstance(() -> new ProviderRegistry(command.providers(), clock.instant()));
    }

    @CommandHandler
    ProviderCode handle(QualifyProvider command) {
        if (command.provider().mb() != null) {
            limits.claimProviderRole(command.provider().mb()); // L3, in this transaction
        }
        return repository.load(ProviderRegistry.ID).invoke(r -> r.qualify(command.provider(), command.by(), clock.instant()));
    }

    @CommandHandler
    void handle(DeactivateProvider command) {
        repository.load(ProviderRegistry.ID).execute(r -> r.deactivate(command.code(), command.reason(), command.by(), clock.instant()));
    }

    @CommandHandler
    void handle(ReactivateProvider command) {
        repository.load(ProviderRegistry.ID).execute(r -> r.reactivate(command.code(), command.by(), clock.instant()));
    }
}
