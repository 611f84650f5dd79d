package rs.greenvoucher.core.privacy;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.application.ApplicationEvent;
import rs.greenvoucher.core.publishing.ApplicationMessageContractTest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys a processor's batch needs are read once for the whole batch, and only for events with personal fields. */
class KeysOfTheBatchTest {

    private final List<Set<String>> prefetched = new ArrayList<>();
    private final KeysOfTheBatch interceptor = new KeysOfTheBatch(new JdbcPersonalKeys(null) {
        @Override
        void prefetch(Collection<String> subjects) {
            prefetched.add(Set.copyOf(subjects));
        }
    });

    @Test
    void onceForTheBatchWithEveryApplicationWhoseEventsCarryPersonalFields() throws Exception {
        List<EventMessage<?>> batch = List.of(
                event("a", 0, "01-submitted"), event("a", 1, "02-screened"), event("b", 0, "01-submitted"),
                event("c", 5, "09-withdrawn"), event("d", 3, "04-approved"));
        AtomicInteger listed = new AtomicInteger();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<EventMessage<?>>(batch) {
            @Override
            public List<? extends EventMessage<?>> getMessages() {
                listed.incrementAndGet(); // a copy of the whole batch each time: a quarter of a rebuild once called per message
                return super.getMessages();
            }
        };
        AtomicInteger handled = new AtomicInteger();

        // as a processor runs its batch: the task once per message, each through the interceptor
        unitOfWork.executeWithResult(() -> interceptor.handle(unitOfWork, handled::incrementAndGet));

        assertThat(handled).hasValue(batch.size());
        assertThat(prefetched).containsExactly(Set.of("a", "b", "c"));
        assertThat(listed).hasValue(1);
    }

    @Test
    void notOutsideABatch() throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event("a", 0, "01-submitted"));
        try {
            interceptor.handle(unitOfWork, () -> null);
        } finally {
            unitOfWork.rollback();
        }
        assertThat(prefetched).isEmpty();
    }

    private static EventMessage<?> event(String application, long sequence, String example) {
        ApplicationEvent payload = ApplicationMessageContractTest.EVENTS.get(example);
        return new GenericDomainEventMessage<>("VoucherApplication", application, sequence, payload);
    }
}
