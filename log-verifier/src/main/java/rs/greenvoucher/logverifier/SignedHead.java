package rs.greenvoucher.logverifier;

/**
 * A head of the chain as signed: the position it covers (and so the number of events), the chain's hash there, when
 * it was signed, the key that signed it and the Ed25519 signature over {@link #statement()}.
 */
public record SignedHead(long position, long events, String chainHash, String signedAt, String keyId, String signature) {

    /** The exact bytes signed, in words an auditor can read and check with any Ed25519 tool. */
    public String statement() {
        return LogFormat.headStatement(position, events, chainHash, signedAt, keyId);
    }
}
