package rs.greenvoucher.core.providers.prequalification;

import rs.greenvoucher.api.value.Mb;

import java.util.UUID;

/** The port of L3 for an organisation's application, held in PostgreSQL in the command's transaction. */
public interface ProviderClaims {

    /**
     * L3 and one application per MB: the MB takes the provider's role (refused if it ever applied for a voucher) and
     * this application is its only one (refused if it is on the list or applied already).
     */
    void claim(Mb mb, UUID applicationId);
}
