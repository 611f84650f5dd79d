package rs.greenvoucher.core.reporting;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import rs.greenvoucher.api.MoneyLimits;
import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.call.CallEvent;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.http.WhatIfAnswer;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.platform.axon.SealingSerializer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What-if: a call's history replayed in memory under other parameters. Each approval, in the order they happened, is
 * checked against S4 (the committee's amount within the other maximum and share of the service cost, as
 * {@link MoneyLimits} checks it when the committee decides) and L4 (within what the other budget has left, counting the
 * money expired vouchers gave back), and each completion against the other completion months (a voucher completed
 * after the deadline it would have had would have expired instead). It reads the events and writes nothing.
 */
@Component
class WhatIf {

    /** Other values for the call's parameters; a null one stays as the call had it. */
    record Parameters(UUID callId, Money budgetEur, Money maxVoucherEur, BigDecimal maxSharePercent, Integer completionMonths) {
    }

    private final EventStore events;
    private final MoneyStories moneyStories;

    WhatIf(EventStore events, MoneyStories moneyStories) {
        this.events = events;
        this.moneyStories = moneyStories;
    }

    /** Reads the applications' events with their personal fields left sealed: it uses none. */
    Optional<WhatIfAnswer> replay(Parameters p) {
        return SealingSerializer.withPersonalFieldsSealed(() -> replayWithoutPersonalFields(p));
    }

    private Optional<WhatIfAnswer> replayWithoutPersonalFields(Parameters p) {
        Optional<CallParameters> call = events.readEvents(p.callId().toString(), 0).asStream()
                .map(DomainEventMessage::getPayload).filter(CallEvent.CallCreated.class::isInstance)
                .map(e -> ((CallEvent.CallCreated) e).parameters()).findFirst();
        if (call.isEmpty()) {
            return Optional.empty();
        }
        CallParameters c = call.get();
        WhatIfAnswer.Rules actual = new WhatIfAnswer.Rules(c.budgetEur(), c.maxVoucherEur(), c.maxSharePercent(), c.completionMonths());
        WhatIfAnswer.Rules other = new WhatIfAnswer.Rules(p.budgetEur() == null ? actual.budgetEur() : p.budgetEur(),
                p.maxVoucherEur() == null ? actual.maxVoucherEur() : p.maxVoucherEur(),
                p.maxSharePercent() == null ? actual.maxSharePercent() : p.maxSharePercent(),
                p.completionMonths() == null ? actual.completionMonths() : p.completionMonths());
        MoneyLimits limits = new MoneyLimits(other.maxVoucherEur(), other.maxSharePercent(), c.minServiceCostEur(),
                c.maxEquipmentSharePercent());

        List<MoneyStories.Story> stories = moneyStories.approvedIn(p.callId());
        stories.sort(Comparator.comparing((MoneyStories.Story s) -> s.approved().occurredAt()).thenComparing(MoneyStories.Story::trackingCode));

        // the budget moves at approvals (reserved) and expiries (given back), in the order they happened
        record Move(Instant at, MoneyStories.Story story, boolean approval) {
        }
        List<Move> moves = new ArrayList<>();
        for (MoneyStories.Story s : stories) {
            moves.add(new Move(s.approved().occurredAt(), s, true));
            if (s.expired() != null) {
                moves.add(new Move(s.expired().occurredAt(), s, false));
            }
        }
        moves.sort(Comparator.comparing(Move::at).thenComparing(m -> m.approval() ? 1 : 0));

        List<WhatIfAnswer.Voucher> byS4 = new ArrayList<>();
        List<WhatIfAnswer.Voucher> byL4 = new ArrayList<>();
        List<WhatIfAnswer.Voucher> expired = new ArrayList<>();
        // one MoneyStories.Story per application: by identity (a record's equals compares every event it holds)
        Set<MoneyStories.Story> fitted = Collections.newSetFromMap(new IdentityHashMap<>());
        Money committed = Money.ZERO;
        Money actualCommitted = Money.ZERO;
        Money paid = Money.ZERO;
        Money actualPaid = Money.ZERO;
        Money providersPaid = Money.ZERO;
        Money actualProvidersPaid = Money.ZERO;
        for (Move m : moves) {
            MoneyStories.Story s = m.story();
            Money amount = s.approved().amount();
            if (!m.approval()) {
                actualCommitted = actualCommitted.minus(s.expired().releasedAmount() == null ? amount : s.expired().releasedAmount());
                if (fitted.contains(s)) {
                    committed = committed.minus(amount);
                }
                continue;
            }
            actualCommitted = actualCommitted.plus(amount);
            List<MoneyLimits.Breach> breaches = limits.amountBreaches(s.totalCost(), amount);
            if (!breaches.isEmpty()) {
                byS4.add(new WhatIfAnswer.Voucher(s.trackingCode(), amount.amount(), RuleCode.S4.name(), describe(breaches.get(0))));
                continue;
            }
            if (committed.plus(amount).isGreaterThan(other.budgetEur())) {
                byL4.add(new WhatIfAnswer.Voucher(s.trackingCode(), amount.amount(), "L4",
                        "EUR " + other.budgetEur().minus(committed).amount().toPlainString() + " of the budget was left"));
                continue;
            }
            committed = committed.plus(amount);
            fitted.add(s);
        }
        for (MoneyStories.Story s : stories) {
            if (s.completed() == null) {
                continue;
            }
            actualPaid = actualPaid.plus(s.completed().paidAmount());
            actualProvidersPaid = actualProvidersPaid.plus(s.providersPaid());
            if (!fitted.contains(s)) {
                continue;
            }
            LocalDate deadline = SchemeRules.voucherValidUntil(s.approved().occurredAt(), other.completionMonths());
            if (SchemeRules.day(s.completed().occurredAt()).isAfter(deadline)) {
                expired.add(new WhatIfAnswer.Voucher(s.trackingCode(), s.approved().amount().amount(), null,
                        "completed on " + SchemeRules.day(s.completed().occurredAt()) + ", after " + deadline));
                committed = committed.minus(s.approved().amount());
            } else {
                paid = paid.plus(s.completed().paidAmount());
                // the same paid invoices at the other share, never above the voucher (I3)
                Money share = s.invoicedPaid().percent(other.maxSharePercent());
                providersPaid = providersPaid.plus(share.isGreaterThan(s.approved().amount()) ? s.approved().amount() : share);
            }
        }
        return Optional.of(new WhatIfAnswer(p.callId(), c.name(), true, actual, other, stories.size(),
                fitted.size() - expired.size(), byS4, byL4, expired,
                new WhatIfAnswer.Amounts(actualCommitted.amount(), committed.amount()), new WhatIfAnswer.Amounts(actualPaid.amount(), paid.amount()),
                new WhatIfAnswer.Amounts(actualProvidersPaid.amount(), providersPaid.amount())));
    }

    private static String describe(MoneyLimits.Breach breach) {
        if (breach instanceof MoneyLimits.Breach.OverMaximum max) {
            return "more than the maximum voucher of EUR " + max.maximum().amount().toPlainString();
        }
        if (breach instanceof MoneyLimits.Breach.OverShare share) {
            return "more than " + MoneyLimits.percent(share.sharePercent()) + " % of the service cost (EUR "
                    + share.capByShare().amount().toPlainString() + ")";
        }
        return breach.toString();
    }
}
