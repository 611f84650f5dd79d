package rs.greenvoucher.logverifier;

import java.util.List;

/**
 * What the verifier found: how many links and heads it checked, how many events are not sealed yet, each finding in
 * the log's order (the first is the first event that does not match), and notes on what it had to trust.
 */
public record Report(long entries, int headsVerified, long unsealed, List<Finding> findings, List<String> notes) {

    public boolean intact() {
        return findings.isEmpty();
    }

    public Finding first() {
        return findings.isEmpty() ? null : findings.get(0);
    }
}
