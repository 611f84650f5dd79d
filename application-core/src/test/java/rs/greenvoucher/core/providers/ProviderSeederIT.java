package rs.greenvoucher.core.providers;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import rs.greenvoucher.core.CoreIntegrationTest;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider list is seeded once; a failure to seed it is a failure, never "it exists already". */
class ProviderSeederIT extends CoreIntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSecondSeedingFindsTheRegistryInTheStoreAndChangesNothing() throws Exception {
        long providers = jdbc.sql("select count(*) from provider").query(Long.class).single();
        long events = eventCount();
        new ProviderSeeder(commands, jdbc).seed(ProviderSeeder.read()); // the event store refuses a second registry
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from provider").query(Long.class).single()).isEqualTo(providers);
    }

    @Test
    void aSeedingThatFailsWithoutARegistryInTheStoreStopsTheStart() {
        CommandGateway failing = (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{CommandGateway.class},
                (proxy, method, args) -> {
                    throw new DataAccessResourceFailureException("the database went away");
                });
        // as a first start sees the store: no registry yet (removed inside a transaction that is rolled back)
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("delete from domain_event_entry where aggregate_identifier = :id").param("id", ProviderRegistry.ID).update();
            assertThatThrownBy(() -> new ProviderSeeder(failing, jdbc).seed(ProviderSeeder.read()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not be loaded")
                    .hasRootCauseInstanceOf(DataAccessResourceFailureException.class);
        });
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", ProviderRegistry.ID).query(Long.class).single()).isPositive();
    }
}
