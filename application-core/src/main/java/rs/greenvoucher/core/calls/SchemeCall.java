package rs.greenvoucher.core.calls;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import rs.greenvoucher.api.call.CallEvent.CallCreated;

import java.time.Clock;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A call for applications. Its budget (L4) is held in the scheme_call table, written with its events. */
@Aggregate
public class SchemeCall {

    @AggregateIdentifier
    private UUID id;

    protected SchemeCall() {
        // for Axon
    }

    @CommandHandler
    SchemeCall(CreateCall command, Clock clock) {
        apply(new CallCreated(command.callId(), command.parameters(), command.by(), clock.instant()));
    }

    @EventSourcingHandler
    void on(CallCreated event) {
        id = event.callId();
    }
}
