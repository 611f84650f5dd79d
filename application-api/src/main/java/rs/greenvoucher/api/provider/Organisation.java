package rs.greenvoucher.api.provider;

import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Pib;

import java.util.List;

/**
 * An R&D organisation asking to be pre-qualified as a provider (P3): who it is (MB and PIB, both with valid check
 * digits), its kind (P2: never an individual consultant), where, its green R&D expertise in its own words and the
 * references that show it (projects, clients, accreditations; one per line). A legal entity's data, not personal.
 */
public record Organisation(String name, Mb mb, Pib pib, ProviderKind kind, String city, String expertise,
                           List<String> references) {
}
