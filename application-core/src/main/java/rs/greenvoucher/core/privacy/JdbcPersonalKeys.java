package rs.greenvoucher.core.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import rs.greenvoucher.api.privacy.SealedText;
import rs.greenvoucher.platform.privacy.PersonalKeys;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core's keys, in {@code personal_key} beside the event store. A key is made in the transaction that appends the
 * application's first sealed event, so it commits or rolls back with it. Keys read back are cached (replays and
 * rebuilds read many events of one application); a key made in a transaction is cached when it commits, a key erased
 * is dropped when its transaction ends; other instances see an erasure within {@link #CACHE_MILLIS}.
 */
@Component
public class JdbcPersonalKeys implements PersonalKeys {

    static final long CACHE_MILLIS = 60_000;
    private static final int CACHE_SIZE = 20_000;

    private record Cached(byte[] key, long until) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Cached> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    JdbcPersonalKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: the key commits with the event sealed with it. Null once erased. */
    @Override
    public byte[] keyFor(String subject, String applicantId) {
        Optional<byte[]> key = jdbc.sql("""
                        insert into personal_key (subject, applicant_id, key, created_at) values (:subject, :applicant, :key, now())
                        on conflict (subject) do update set applicant_id = coalesce(personal_key.applicant_id, excluded.applicant_id)
                        returning key""")
                .param("subject", subject).param("applicant", applicantId).param("key", SealedText.newKey())
                .query((rs, n) -> rs.getBytes("key")).optional();
        rememberOnceCommitted(subject, key.orElse(null));
        return key.orElse(null);
    }

    @Override
    public byte[] find(String subject) {
        long now = System.currentTimeMillis();
        synchronized (cache) {
            Cached cached = cache.get(subject);
            if (cached != null && cached.until() > now) {
                return cached.key();
            }
        }
        byte[] key = jdbc.sql("select key from personal_key where subject = :subject").param("subject", subject)
                .query((rs, n) -> rs.getBytes("key")).optional().orElse(null);
        if (key != null) {
            synchronized (cache) {
                cache.put(subject, new Cached(key, now + CACHE_MILLIS));
            }
        }
        return key;
    }

    /** Reads the keys of these applications that are not cached, in one query, into the cache ({@link KeysOfTheBatch}). */
    void prefetch(Collection<String> subjects) {
        long now = System.currentTimeMillis();
        List<String> missing;
        synchronized (cache) {
            missing = subjects.stream().filter(s -> {
                Cached cached = cache.get(s);
                return cached == null || cached.until() <= now;
            }).toList();
        }
        if (missing.isEmpty()) {
            return;
        }
        List<Map.Entry<String, byte[]>> found = jdbc.sql("select subject, key from personal_key where subject in (:subjects) and key is not null")
                .param("subjects", missing).query((rs, n) -> Map.entry(rs.getString("subject"), rs.getBytes("key"))).list();
        synchronized (cache) {
            found.forEach(e -> cache.put(e.getKey(), new Cached(e.getValue(), now + CACHE_MILLIS)));
        }
    }

    /** Deletes the keys of these applications; joins the caller's transaction. Answers the applications erased. */
    List<String> erase(List<String> subjects) {
        List<String> erased = subjects.isEmpty() ? List.of() : jdbc.sql("""
                        update personal_key set key = null, erased_at = now() where subject in (:subjects) and key is not null
                        returning subject""")
                .param("subjects", subjects).query(String.class).list();
        forget(subjects);
        forgetAtTheEnd(subjects);
        return erased;
    }

    /**
     * A key made or read in a transaction is cached when that transaction commits (the processors open its event a
     * moment later) and never when it rolls back.
     */
    private void rememberOnceCommitted(String subject, byte[] key) {
        forget(List.of(subject));
        if (key != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        synchronized (cache) {
                            cache.put(subject, new Cached(key, System.currentTimeMillis() + CACHE_MILLIS));
                        }
                    }
                }
            });
        }
    }

    private void forgetAtTheEnd(List<String> subjects) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(subjects);
                }
            });
        }
    }

    void forget(List<String> subjects) {
        synchronized (cache) {
            subjects.forEach(cache::remove);
        }
    }
}
