package rs.greenvoucher.platform.throttling;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j) kept in PostgreSQL's {@code throttle_bucket}, so every instance of a service counts
 * against the same buckets. A bucket's key names its limit, so a changed limit starts a fresh bucket. If the
 * database cannot answer, the request is let through: throttling must never be why a service is down.
 */
public class Throttle {

    private static final Logger log = LoggerFactory.getLogger(Throttle.class);

    private final ProxyManager<String> buckets;

    public Throttle(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /**
     * Takes one token: empty when allowed, else how long to wait. {@code interval} buckets refill all at once at the
     * end of their period (a lock that lasts); others refill gradually.
     */
    public Optional<Duration> tryTake(String key, Limit limit) {
        return failOpen(() -> {
            ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }, Optional.empty());
    }

    /** Like {@link #tryTake}, and also answers whether this take emptied the bucket (to act once, e.g. a lock mail). */
    public Taken take(String key, Limit limit) {
        return failOpen(() -> {
            ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
            boolean emptied = probe.isConsumed() && probe.getRemainingTokens() == 0;
            long wait = emptied ? bucket(key, limit).estimateAbilityToConsume(1).getNanosToWaitForRefill() : probe.getNanosToWaitForRefill();
            return new Taken(probe.isConsumed(), emptied, Duration.ofNanos(wait));
        }, new Taken(true, false, Duration.ZERO));
    }

    /** Without taking anything: empty when a token is there, else how long until one is. */
    public Optional<Duration> blockedFor(String key, Limit limit) {
        return failOpen(() -> {
            EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }, Optional.empty());
    }

    private static <T> T failOpen(java.util.function.Supplier<T> check, T unavailable) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            log.warn("throttling is unavailable, letting the request through: {}", e.toString());
            return unavailable;
        }
    }

    /** Forgets a bucket (an ADMIN unlocks an account). */
    public void reset(String key, Limit limit) {
        buckets.removeProxy(key + "@" + limit);
    }

    /** Buckets that have refilled completely carry no information any more. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    public void removeFullBuckets() {
        try {
            if (buckets instanceof ExpiredEntriesCleaner cleaner) {
                while (cleaner.removeExpired(1000) == 1000) {
                    // more to remove
                }
            }
        } catch (RuntimeException e) {
            log.debug("could not remove expired buckets: {}", e.toString());
        }
    }

    private io.github.bucket4j.distributed.BucketProxy bucket(String key, Limit limit) {
        return buckets.builder().build(key + "@" + limit, () -> BucketConfiguration.builder()
                .addLimit(l -> limit.interval()
                        ? l.capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period())
                        : l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
    }

    public record Taken(boolean allowed, boolean emptied, Duration retryAfter) {
    }

    /**
     * {@code capacity} requests per {@code period}, written {@code 20/PT1M}. A {@code !} at the end ({@code 10/PT15M!})
     * refills only when the period is over (a lock), otherwise tokens come back gradually.
     */
    public record Limit(long capacity, Duration period, boolean interval) {

        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive capacity and period");
            }
        }

        public static Limit parse(String text) {
            String t = text.trim();
            boolean interval = t.endsWith("!");
            if (interval) {
                t = t.substring(0, t.length() - 1);
            }
            int slash = t.indexOf('/');
            if (slash < 1) {
                throw new IllegalArgumentException("a limit is written capacity/ISO-duration, e.g. 20/PT1M: " + text);
            }
            return new Limit(Long.parseLong(t.substring(0, slash)), Duration.parse(t.substring(slash + 1)), interval);
        }

        @Override
        public String toString() {
            return capacity + "/" + period + (interval ? "!" : "");
        }
    }
}
