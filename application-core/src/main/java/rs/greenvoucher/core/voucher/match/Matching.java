package rs.greenvoucher.core.voucher.match;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.Vouchers;
import rs.greenvoucher.platform.refusal.ProviderCount;
import rs.greenvoucher.platform.refusal.Refusal;

import java.time.Clock;
import java.util.List;

/** Provider matching of a screened application: at most three providers (L2), each active on the list (P1). */
@Component
public record Matching(Vouchers vouchers, Limits limits, Clock clock) {

    @CommandHandler
    public void handle(MatchProviders command) {
        vouchers.decide(command, application -> {
            ProviderCount.require("providerCodes", command.providerCodes());
            if (command.providerCodes() != null) {
                limits.requireActiveProviders(command.providerCodes(), "providerCodes");
            }
            application.require(ApplicationStatus.SCREENED, "match providers for");
            if (command.providerCodes() == null || command.providerCodes().isEmpty()) {
                throw Refusal.invalid("providerCodes", "at least one provider");
            }
            application.record(new ProvidersMatched(command.applicationId(), command.decisionId(), List.copyOf(command.providerCodes()),
                    command.note(), command.decidedBy(), clock.instant()));
        });
    }
}
