package rs.greenvoucher.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What core tells an applicant's inbox, read where the notification service reads it: the account events on the
 * test broker. Tests follow the confirmation link from here as a person follows it from their mail.
 */
public final class AccountMailbox {

    private static final Map<String, AccountMailbox> BY_BROKER = new ConcurrentHashMap<>();

    private final String bootstrapServers;

    private final Map<String, JsonNode> lastVerification = new ConcurrentHashMap<>();
    private final List<JsonNode> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Throwable failure;

    private AccountMailbox(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Thread reader = new Thread(this::read, "test-account-mailbox");
        reader.setDaemon(true);
        reader.start();
    }

    /** The mailbox of the test broker ({@link TestInfrastructure#kafka()}). */
    public static AccountMailbox get() {
        return of(TestInfrastructure.kafka().bootstrapServers());
    }

    /** The mailbox of a broker of its own (the fault suite's system). */
    public static AccountMailbox of(String bootstrapServers) {
        return BY_BROKER.computeIfAbsent(bootstrapServers, AccountMailbox::new);
    }

    private void read() {
        try {
            consume();
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void consume() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty()) {
                var infos = consumer.partitionsFor("gv.account.events", Duration.ofSeconds(5));
                partitions = infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    JsonNode event = json.readTree(r.value());
                    events.add(event);
                    if ("VerificationRequested".equals(event.path("type").asString())) {
                        lastVerification.put(event.path("email").asString().toLowerCase(), event);
                    }
                });
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the test mailbox stopped reading", e);
        }
    }

    /** The secret of the latest confirmation link sent to this address (waits for it). */
    public String verificationSecret(String email, Duration timeout) {
        JsonNode event = await(() -> lastVerification.get(email.toLowerCase()), timeout, "a confirmation link for " + email);
        String link = event.path("link").asString();
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** The first account event of this type for this account that matches (waits for it). */
    public JsonNode await(String type, String accountId, Duration timeout) {
        return await(() -> {
            synchronized (events) {
                return events.stream().filter(e -> type.equals(e.path("type").asString())
                        && accountId.equals(e.path("accountId").asString())).findFirst().orElse(null);
            }
        }, timeout, type + " for " + accountId);
    }

    private static <T> T await(java.util.function.Supplier<T> lookup, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        T found = lookup.get();
        while (found == null) {
            if (get().failure != null) {
                throw new AssertionError("the test mailbox cannot read the account events", get().failure);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + timeout);
            }
            try {
                Thread.sleep(20); // polling an in-memory map the reader fills; the condition is what is waited on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            found = lookup.get();
        }
        return found;
    }
}
