package rs.greenvoucher.logverifier;

/** Something in the log that does not match, with the position and the event it is about when there is one. */
public record Finding(Kind kind, Long position, Long globalIndex, String aggregateIdentifier, Long sequenceNumber,
                      String message) {

    public enum Kind {
        /** The event's bytes are not those that were sealed. */
        EVENT_ALTERED,
        /** The chain covers an event that is no longer in the store. */
        EVENT_MISSING,
        /** Positions of the chain are missing (links deleted). */
        POSITION_MISSING,
        /** A stored link does not follow from the one before it (the chain itself was rewritten). */
        CHAIN_BROKEN,
        /** A head's signature does not verify with its key. */
        HEAD_SIGNATURE_INVALID,
        /** A head is signed with a key that is not trusted. */
        HEAD_KEY_UNKNOWN,
        /** The log recomputed from the events up to a head does not give the hash that was signed. */
        HEAD_MISMATCH,
        /** A head covers more events than the log has (events deleted at its end). */
        HEAD_BEYOND_LOG
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.name());
        if (position != null) {
            s.append(" at position ").append(position);
        }
        if (globalIndex != null) {
            s.append(", event ").append(globalIndex);
        }
        if (aggregateIdentifier != null) {
            s.append(" (").append(aggregateIdentifier).append(" #").append(sequenceNumber).append(')');
        }
        return s.append(": ").append(message).toString();
    }
}
