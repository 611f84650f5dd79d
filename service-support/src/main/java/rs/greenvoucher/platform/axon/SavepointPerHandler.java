package rs.greenvoucher.platform.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import rs.greenvoucher.platform.faults.RetryLater;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a dead-lettering processing group park an event whose handler failed and commit the rest of the batch. A failed
 * statement leaves PostgreSQL's transaction aborted, and nothing (the dead letter included) can be written in it until
 * it is rolled back to a savepoint taken before the handler; the savepoint also undoes what the handler wrote before
 * it failed.
 * <p>
 * A savepoint per handler costs two statements per event, as many as most handlers' own, and almost every batch has no
 * failure. So handlers run without savepoints; when one fails, its batch is rolled back and retried ({@link RetryLater}:
 * the processor retries it after its back-off), and for {@link #CAREFUL} after that the group runs each handler inside
 * a savepoint, so the retry parks the one event (or retries again, if the failure is transient) and commits the others.
 * An ADMIN's retry of a parked event always runs in a savepoint. Without savepoints, the projections' statements wait
 * for the batch's commit and go together ({@link ProjectionWrites}); with them, each runs at once.
 */
public class SavepointPerHandler implements HandlerEnhancerDefinition {

    static final Duration CAREFUL = Duration.ofMinutes(2);
    private static final TransactionDefinition NESTED = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final Set<String> groups;
    private final org.springframework.beans.factory.ObjectProvider<PlatformTransactionManager> transactions;
    private final Map<String, Long> carefulUntil = new ConcurrentHashMap<>();

    public SavepointPerHandler(Set<String> groups, org.springframework.beans.factory.ObjectProvider<PlatformTransactionManager> transactions) {
        this.groups = groups;
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !groups.contains(group.value())) {
            return original;
        }
        String name = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                if (batched(name)) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception | Error e) {
                        beCareful(name);
                        throw new RetryLater("a handler of " + name + " failed; its batch is retried with a savepoint per event", e);
                    }
                }
                PlatformTransactionManager manager = transactions.getObject();
                TransactionStatus savepoint = manager.getTransaction(NESTED);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    manager.rollback(savepoint);
                    throw e;
                }
                manager.commit(savepoint);
                return result;
            }
        };
    }

    /**
     * Whether this batch runs without savepoints, its projections' writes waiting for the commit
     * ({@link ProjectionWrites}): decided once per batch, so no batch mixes writes that waited with writes made at once.
     */
    private boolean batched(String name) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        var unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(ProjectionWrites.BATCHING, k ->
                carefulUntil.getOrDefault(name, 0L) < System.currentTimeMillis() && !retryingParked()
                        ? new ProjectionWrites.Batching(name, () -> beCareful(name))
                        : Boolean.FALSE) instanceof ProjectionWrites.Batching;
    }

    private void beCareful(String name) {
        carefulUntil.put(name, System.currentTimeMillis() + CAREFUL.toMillis());
    }

    /** An ADMIN's retry of a parked event: it must stay parked, not fail, if it fails again. */
    private static boolean retryingParked() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }
}
