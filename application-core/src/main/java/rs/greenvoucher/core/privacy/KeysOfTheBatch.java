package rs.greenvoucher.core.privacy;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import rs.greenvoucher.api.privacy.PersonalData;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Before a processor's batch is handled, the keys of every application in it whose events carry personal fields are
 * read in one query: a rebuild meets each application's key for the first time, and one query per application was
 * a twentieth of its time (docs/adr/0016). It only fills the cache: finding a key stays {@link JdbcPersonalKeys#find}.
 */
@Configuration
class KeysOfTheBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String DONE = KeysOfTheBatch.class.getName();

    private final JdbcPersonalKeys keys;

    KeysOfTheBatch(JdbcPersonalKeys keys) {
        this.keys = keys;
    }

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> this);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root instanceof BatchingUnitOfWork<?> batch) {
            // once per batch: getMessages() makes a new list of the whole batch on every call
            root.getOrComputeResource(DONE, k -> {
                Set<String> subjects = new LinkedHashSet<>();
                for (Object message : batch.getMessages()) {
                    if (message instanceof DomainEventMessage<?> event
                            && PersonalData.hasPersonalData(event.getPayloadType().getSimpleName())) {
                        subjects.add(event.getAggregateIdentifier());
                    }
                }
                if (subjects.size() > 1) {
                    keys.prefetch(subjects);
                }
                return Boolean.TRUE;
            });
        }
        return interceptorChain.proceed();
    }
}
