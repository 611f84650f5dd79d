package rs.greenvoucher.core.providers.prequalification;

import rs.greenvoucher.api.provider.Organisation;
import rs.greenvoucher.api.value.ProviderCode;

/** The port to the one list of providers (P1): adds an organisation, in the same unit of work, and names its code. */
public interface ProviderList {

    ProviderCode qualify(Organisation organisation, String by);
}
