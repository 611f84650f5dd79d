package rs.greenvoucher.logverifier;

/**
 * One link of the chain: its position (1, 2, 3, ... in the order the events were sealed), the event it covers, the
 * event's hash and the chain's hash up to it as stored, and the event as it is in the store now (null when it is gone).
 */
public record ChainEntry(long position, long globalIndex, byte[] eventHash, byte[] chainHash, StoredEvent event) {

    /** The same link with its event gone from the store. */
    public ChainEntry withoutEvent() {
        return new ChainEntry(position, globalIndex, eventHash, chainHash, null);
    }
}
