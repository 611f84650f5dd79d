package rs.greenvoucher.core.providers;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.provider.ProviderCommand.DeactivateProvider;
import rs.greenvoucher.api.provider.ProviderCommand.QualifyProvider;
import rs.greenvoucher.api.provider.ProviderCommand.ReactivateProvider;
import rs.greenvoucher.api.provider.ProviderCommand.SeedProviderRegistry;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.application.RuleViolation;

import java.time.Clock;

@Component
class ProviderRegistryHandler {

    private final Repository<ProviderRegistry> repository;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderRegistryHandler(@Qualifier("providerRegistryRepository") Repository<ProviderRegistry> repository,
                            JdbcClient jdbc, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @CommandHandler
    void handle(SeedProviderRegistry command) throws Exception {
        repository.newInstance(() -> new ProviderRegistry(command.providers(), clock.instant()));
    }

    @CommandHandler
    ProviderCode handle(QualifyProvider command) {
        if (command.provider().mb() != null) {
            // L3, in this transaction: an MB that ever applied can never become a provider
            String mb = command.provider().mb().value();
            jdbc.sql("insert into enterprise_role (mb, role) values (:mb, 'PROVIDER') on conflict (mb) do nothing")
                    .param("mb", mb).update();
            String role = jdbc.sql("select role from enterprise_role where mb = :mb").param("mb", mb).query(String.class).single();
            if (!"PROVIDER".equals(role)) {
                throw RuleViolation.applicantCannotBeProvider(mb);
            }
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
