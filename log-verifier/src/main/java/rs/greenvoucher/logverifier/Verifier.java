package rs.greenvoucher.logverifier;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the chain from the events' stored bytes and checks it three ways: each event against the hash it was
 * sealed with, each stored link against the one before it, and each signed head against the chain recomputed from the
 * events up to it. The last is the one an insider cannot forge: rewriting events and links alike still leaves the
 * signed heads, which only the signing key could make again.
 */
public final class Verifier {

    private Verifier() {
    }

    /**
     * @param trustedKeys  the keys the auditor trusts, by id; null to take the source's own (noted in the report)
     * @param trustedHeads the heads the auditor collected from the published list; null to take the source's own
     */
    public static Report verify(LogSource source, Map<String, PublicKey> trustedKeys, List<SignedHead> trustedHeads) throws Exception {
        List<String> notes = new ArrayList<>();
        Map<String, PublicKey> keys = trustedKeys;
        if (keys == null) {
            keys = source.keys();
            notes.add("the heads' keys were read from the log itself; pass --key with the published key to trust none of it");
        }
        List<SignedHead> heads = trustedHeads;
        if (heads == null) {
            heads = source.heads();
            notes.add("the heads were read from the log itself; pass --heads with the published heads to check them independently");
        }
        List<Finding> findings = new ArrayList<>();
        TreeMap<Long, List<SignedHead>> byPosition = new TreeMap<>();
        int verified = 0;
        for (SignedHead head : heads.stream().sorted(Comparator.comparingLong(SignedHead::position)).toList()) {
            PublicKey key = keys.get(head.keyId());
            if (key == null) {
                findings.add(new Finding(Finding.Kind.HEAD_KEY_UNKNOWN, head.position(), null, null, null,
                        "the head signed at " + head.signedAt() + " names key " + head.keyId() + ", which is not trusted"));
            } else if (!signatureHolds(key, head)) {
                findings.add(new Finding(Finding.Kind.HEAD_SIGNATURE_INVALID, head.position(), null, null, null,
                        "the signature of the head signed at " + head.signedAt() + " does not verify"));
            } else {
                byPosition.computeIfAbsent(head.position(), p -> new ArrayList<>()).add(head);
                verified++;
            }
        }
        Fold fold = new Fold(byPosition, findings);
        source.entries(fold::next);
        for (List<SignedHead> beyond : byPosition.tailMap(fold.last, false).values()) {
            for (SignedHead head : beyond) {
                findings.add(new Finding(Finding.Kind.HEAD_BEYOND_LOG, head.position(), null, null, null,
                        "the head signed at " + head.signedAt() + " covers " + head.events() + " events; the log has "
                                + fold.last + ": events at its end were deleted"));
            }
        }
        findings.sort(Comparator.comparing(f -> f.position() == null ? Long.MAX_VALUE : f.position()));
        return new Report(fold.entries, verified, source.unsealed(), List.copyOf(findings), List.copyOf(notes));
    }

    private static boolean signatureHolds(PublicKey key, SignedHead head) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(head.statement().getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(head.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The walk along the links: the stored chain and the one recomputed from the events, side by side. */
    private static final class Fold {
        private final TreeMap<Long, List<SignedHead>> heads;
        private final List<Finding> findings;
        private byte[] stored = LogFormat.GENESIS;
        private byte[] recomputed = LogFormat.GENESIS;
        private long last;
        private long entries;
        private long lastMatchingHead;

        Fold(TreeMap<Long, List<SignedHead>> heads, List<Finding> findings) {
            this.heads = heads;
            this.findings = findings;
        }

        void next(ChainEntry entry) {
            entries++;
            long position = entry.position();
            if (position != last + 1) {
                findings.add(new Finding(Finding.Kind.POSITION_MISSING, last + 1, null, null, null,
                        "positions " + (last + 1) + " to " + (position - 1) + " of the chain are missing"));
            }
            StoredEvent event = entry.event();
            byte[] actual;
            if (event == null) {
                actual = new byte[32];
                findings.add(new Finding(Finding.Kind.EVENT_MISSING, position, entry.globalIndex(), null, null,
                        "the event sealed here is no longer in the store (deleted)"));
            } else {
                actual = LogFormat.eventHash(event);
                if (!Arrays.equals(actual, entry.eventHash())) {
                    findings.add(new Finding(Finding.Kind.EVENT_ALTERED, position, event.globalIndex(),
                            event.aggregateIdentifier(), event.sequenceNumber(),
                            "the event's stored bytes are not those that were sealed (" + event.payloadType() + ")"));
                }
            }
            byte[] link = LogFormat.chain(stored, position, entry.eventHash());
            if (!Arrays.equals(link, entry.chainHash())) {
                findings.add(new Finding(Finding.Kind.CHAIN_BROKEN, position, entry.globalIndex(), null, null,
                        "the stored link does not follow from the one before it: the chain was rewritten here"));
            }
            // on from the link as it should be, so that one rewritten link is one finding, not one per link after it
            stored = link;
            recomputed = LogFormat.chain(recomputed, position, actual);
            for (SignedHead head : heads.getOrDefault(position, List.of())) {
                if (LogFormat.hex(recomputed).equals(head.chainHash()) && head.events() == position) {
                    lastMatchingHead = position;
                } else {
                    findings.add(new Finding(Finding.Kind.HEAD_MISMATCH, position, null, null, null,
                            "the log up to here is not the one signed at " + head.signedAt()
                                    + "; the change is after position " + lastMatchingHead
                                    + " (the last head that matches)"));
                }
            }
            last = position;
        }
    }
}
