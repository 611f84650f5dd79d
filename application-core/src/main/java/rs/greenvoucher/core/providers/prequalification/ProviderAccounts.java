package rs.greenvoucher.core.providers.prequalification;

import rs.greenvoucher.api.value.ProviderCode;

import java.util.UUID;

/** The port to the accounts a provider's people sign in with. */
public interface ProviderAccounts {

    /** Refused unless the account is a PROVIDER's with a confirmed address, not linked to a provider yet. */
    void requireUnlinked(UUID accountId);

    /** From now on the account acts for the provider with this code. */
    void link(UUID accountId, ProviderCode code);
}
