package rs.greenvoucher.logverifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierTest {

    private final KeyPair key = ed25519();
    private final String keyId = LogFormat.keyId(key.getPublic());

    @Test
    void aLogAsSealedIsIntact() throws Exception {
        Log log = Log.sealed(6);
        log.head(key, keyId, 3);
        log.head(key, keyId, 6);

        Report report = Verifier.verify(log, trusted(), null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.entries()).isEqualTo(6);
        assertThat(report.headsVerified()).isEqualTo(2);
    }

    @Test
    void oneAlteredByteOfOneEventIsNamed() throws Exception {
        Log log = Log.sealed(6);
        log.head(key, keyId, 6);
        log.payloadOf(4)[3] ^= 1;

        Report report = Verifier.verify(log, trusted(), null);

        assertThat(report.first().kind()).isEqualTo(Finding.Kind.EVENT_ALTERED);
        assertThat(report.first().globalIndex()).isEqualTo(104);
        assertThat(report.first().aggregateIdentifier()).isEqualTo("application-4");
        assertThat(report.findings()).extracting(Finding::kind).contains(Finding.Kind.HEAD_MISMATCH);
    }

    @Test
    void aDeletedEventIsNamed() throws Exception {
        Log log = Log.sealed(6);
        log.head(key, keyId, 6);
        log.entries.set(2, log.entries.get(2).withoutEvent());

        Report report = Verifier.verify(log, trusted(), null);

        assertThat(report.first().kind()).isEqualTo(Finding.Kind.EVENT_MISSING);
        assertThat(report.first().globalIndex()).isEqualTo(103);
    }

    @Test
    void aChainRewrittenAfterADeletionStillFailsAtTheSignedHeads() throws Exception {
        Log log = Log.sealed(6);
        log.head(key, keyId, 2);
        log.head(key, keyId, 5);
        log.head(key, keyId, 6);
        List<StoredEvent> kept = new ArrayList<>(log.events());
        kept.remove(3);
        Log rewritten = Log.of(kept);
        rewritten.heads.addAll(log.heads);

        Report report = Verifier.verify(rewritten, trusted(), null);

        assertThat(report.findings()).extracting(Finding::kind)
                .containsExactly(Finding.Kind.HEAD_MISMATCH, Finding.Kind.HEAD_BEYOND_LOG);
        assertThat(report.first().position()).isEqualTo(5);
        assertThat(report.first().message()).contains("after position 2");
    }

    @Test
    void eventsDeletedAtTheEndWithTheirLinksAreFoundByTheHead() throws Exception {
        Log log = Log.sealed(6);
        log.head(key, keyId, 6);
        log.entries.remove(5);

        Report report = Verifier.verify(log, trusted(), null);

        assertThat(report.first().kind()).isEqualTo(Finding.Kind.HEAD_BEYOND_LOG);
    }

    @Test
    void aRewrittenLinkIsNamed() throws Exception {
        Log log = Log.sealed(4);
        ChainEntry third = log.entries.get(2);
        byte[] forged = third.chainHash().clone();
        forged[0] ^= 1;
        log.entries.set(2, new ChainEntry(3, third.globalIndex(), third.eventHash(), forged, third.event()));

        Report report = Verifier.verify(log, trusted(), null);

        assertThat(report.first().kind()).isEqualTo(Finding.Kind.CHAIN_BROKEN);
        assertThat(report.first().position()).isEqualTo(3);
        assertThat(report.findings()).hasSize(1);
    }

    @Test
    void aHeadSignedWithAnotherKeyIsNotTrusted() throws Exception {
        Log log = Log.sealed(3);
        KeyPair other = ed25519();
        log.head(other, keyId, 3);

        Report report = Verifier.verify(log, trusted(), null);

        assertThat(report.first().kind()).isEqualTo(Finding.Kind.HEAD_SIGNATURE_INVALID);
        assertThat(Verifier.verify(log, Map.of(), null).first().kind()).isEqualTo(Finding.Kind.HEAD_KEY_UNKNOWN);
    }

    @Test
    void theExportsLinesReadBackAsTheSameLog(@TempDir Path dir) throws Exception {
        Log log = Log.sealed(5);
        log.head(key, keyId, 5);
        Path file = dir.resolve("log.jsonl");
        List<String> lines = new ArrayList<>();
        lines.add("{\"kind\":\"log\",\"format\":\"gv-log/1\"}");
        lines.add(LogJson.key(keyId, key.getPublic()).put("kind", "key").toString());
        log.heads.forEach(h -> lines.add(LogJson.JSON.createObjectNode().put("kind", "head").setAll(LogJson.head(h)).toString()));
        log.entries.forEach(e -> lines.add(LogJson.entry(e).toString()));
        Files.write(file, lines);
        Path publicKey = dir.resolve("key.pem");
        Files.writeString(publicKey, LogFormat.publicKeyPem(key.getPublic()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyLog.run(new String[]{"--export", file.toString(), "--key", publicKey.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("5 events in the chain, 1 signed heads verified").contains("INTACT");
        assertThat(exit).isZero();

        log.payloadOf(2)[0] ^= 1;
        lines.set(3 + 1, LogJson.entry(log.entries.get(1)).toString());
        Files.write(file, lines);
        out.reset();
        exit = VerifyLog.run(new String[]{"--export", file.toString(), "--key", publicKey.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT INTACT").contains("EVENT_ALTERED at position 2, event 102 (application-2 #0)");
    }

    @Test
    void theFormatIsPinned() {
        StoredEvent event = new StoredEvent(7, "e-7", "a-1", 2, "Voucher", "2026-12-07T10:00:00Z", "ApplicationSubmitted", "2",
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8), null);
        byte[] hash = LogFormat.eventHash(event);
        // a change of these bytes is a new format: a new VERSION, and the verifier must read both
        assertThat(LogFormat.hex(hash)).isEqualTo(PINNED_EVENT_HASH);
        assertThat(LogFormat.hex(LogFormat.chain(LogFormat.GENESIS, 1, hash))).isEqualTo(PINNED_CHAIN);
    }

    static final String PINNED_EVENT_HASH = "c64d608312f426954c08ad6b796e940425bc175f7637615bde9d16b3491d83fc";
    static final String PINNED_CHAIN = "67e77603c8250f71b5af5679322850e4cae2cb8b8edb00408ac6c669266197ae";

    private Map<String, PublicKey> trusted() {
        return Map.of(keyId, key.getPublic());
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A log in memory, sealed as core seals it. */
    static final class Log implements LogSource {
        final List<ChainEntry> entries = new ArrayList<>();
        final List<SignedHead> heads = new ArrayList<>();

        static Log sealed(int n) {
            List<StoredEvent> events = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                events.add(new StoredEvent(100 + i, "event-" + i, "application-" + i, 0, "Voucher", "2026-12-07T10:00:0" + i + "Z",
                        "ApplicationSubmitted", null, ("{\"n\":" + i + ",\"sealed\":\"AAAA\"}").getBytes(StandardCharsets.UTF_8), null));
            }
            return of(events);
        }

        static Log of(List<StoredEvent> events) {
            Log log = new Log();
            byte[] chain = LogFormat.GENESIS;
            long position = 0;
            for (StoredEvent e : events) {
                byte[] hash = LogFormat.eventHash(e);
                chain = LogFormat.chain(chain, ++position, hash);
                log.entries.add(new ChainEntry(position, e.globalIndex(), hash, chain, e));
            }
            return log;
        }

        List<StoredEvent> events() {
            return entries.stream().map(ChainEntry::event).toList();
        }

        byte[] payloadOf(long globalIndexOffset) {
            return entries.get((int) globalIndexOffset - 1).event().payload();
        }

        String chainAt(int position) {
            return LogFormat.hex(entries.get(position - 1).chainHash());
        }

        void head(KeyPair key, String keyId, int position) {
            heads.add(sign(key, keyId, position));
        }

        SignedHead sign(KeyPair key, String keyId, int position) {
            String at = "2026-12-07T0" + position + ":00:00Z";
            return new SignedHead(position, position, chainAt(position), at, keyId, signatureOf(key, position, at));
        }

        String signatureOf(KeyPair key, int position, String at) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key.getPrivate());
                signature.update(LogFormat.headStatement(position, position, chainAt(position), at,
                        LogFormat.keyId(key.getPublic())).getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(signature.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void entries(Consumer<ChainEntry> each) {
            entries.forEach(each);
        }

        @Override
        public List<SignedHead> heads() {
            return heads;
        }

        @Override
        public Map<String, PublicKey> keys() {
            return Map.of();
        }

        @Override
        public long unsealed() {
            return 0;
        }
    }
}
