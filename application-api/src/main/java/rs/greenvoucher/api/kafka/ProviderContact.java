package rs.greenvoucher.api.kafka;

import java.util.List;

/**
 * A provider of a voucher as a message names it to be told: its code and name, and the work addresses of the PROVIDER
 * accounts that act for it (with their languages), looked up when the message is written. These are the provider's
 * business contacts, not the applicant's personal data: they are not sealed with the application's key
 * (docs/adr/0032).
 */
public record ProviderContact(String code, String name, List<Person> people) {

    public record Person(String email, String language) {
    }
}
