package rs.greenvoucher.logverifier;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Where the verifier reads a log from: a database (a restored dump, a replica) or the export endpoint's file. */
public interface LogSource extends AutoCloseable {

    /** Every link in the order of its position, each with the event as it is in the store now. */
    void entries(Consumer<ChainEntry> each) throws Exception;

    /** The heads the source holds, by position. */
    List<SignedHead> heads() throws Exception;

    /** The public keys the source names, by key id. */
    Map<String, PublicKey> keys() throws Exception;

    /** Events in the store that no link covers yet (sealed every few seconds; not a finding). */
    long unsealed() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
