package rs.greenvoucher.logverifier;

/** One row of core's event store exactly as stored: the fields the chain covers, the payload sealed as it is kept. */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {
}
