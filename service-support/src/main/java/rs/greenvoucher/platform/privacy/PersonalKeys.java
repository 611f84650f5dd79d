package rs.greenvoucher.platform.privacy;

/**
 * Where each application's key for its personal fields is kept (docs/adr/0011): core's key table, or the compacted
 * key topic for the other services.
 */
public interface PersonalKeys {

    /** The key of this application (its id), created with the first personal field sealed; null once erased. */
    byte[] keyFor(String subject, String applicantId);

    /** The key of this application; null if erased (or never made). */
    byte[] find(String subject);

    /** One way of finding a key, for one payload. */
    @FunctionalInterface
    interface Source {
        byte[] key(String subject);
    }
}
