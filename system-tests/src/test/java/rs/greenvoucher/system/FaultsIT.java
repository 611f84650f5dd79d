package rs.greenvoucher.system;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import rs.greenvoucher.infra.HttpApi;
import rs.greenvoucher.infra.KafkaBrokerProcess;
import rs.greenvoucher.infra.TestData;
import rs.greenvoucher.infra.TestInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults under a steady load of submissions: each service killed with kill -9 in turn and started again, then the
 * Kafka broker killed with kill -9 and started again. Afterwards every submission that got 201 is in core, in the
 * evaluators' queue and mailed to its applicant exactly once.
 */
class FaultsIT {

    private final SystemUnderTest system = SystemUnderTest.get();

    /** Submissions at a steady pace from several applicants; remembers which were accepted (201). */
    static final class Load implements AutoCloseable {
        final Map<String, String> accepted = new ConcurrentHashMap<>(); // application id -> contact e-mail
        final AtomicInteger refused = new AtomicInteger();
        private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);

        Load(HttpApi core, List<String> applicants) {
            AtomicInteger n = new AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                int i = n.incrementAndGet();
                String contact = "fault-" + i + "-" + Instant.now().toEpochMilli() + "@example.rs";
                try {
                    HttpApi.Response r = core.post("/api/applications", applicants.get(i % applicants.size()),
                            TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10800", contact));
                    if (r.status() == 201) {
                        accepted.put(r.json().get("id").asString(), contact);
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (RuntimeException down) {
                    refused.incrementAndGet(); // core is down: not accepted, nothing promised
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
        }

        void awaitMore(int more) {
            int target = accepted.size() + more;
            await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= target);
        }

        @Override
        public void close() {
            pacer.shutdownNow();
            try {
                pacer.awaitTermination(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void nothingAcceptedIsLostWhenEachServiceAndTheBrokerAreKilledUnderLoad() {
        List<String> applicants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            applicants.add(system.core.newApplicant("sr"));
        }
        Map<String, String> accepted;
        try (Load load = new Load(system.core, applicants)) {
            load.awaitMore(8);
            for (String service : List.of("application-core", "evaluation-service", "notification-service")) {
                system.kill(service);
                if (!service.equals("application-core")) {
                    load.awaitMore(8); // core accepts while a follower is dead; the follower catches up later
                }
                system.restart(service);
                load.awaitMore(8);
            }
            KafkaBrokerProcess broker = TestInfrastructure.kafka();
            broker.kill();
            load.awaitMore(12); // the event store is core's outbox: submissions go on without Kafka
            broker.start();
            load.awaitMore(8);
            accepted = Map.copyOf(load.accepted);
        }

        String evaluator = system.evaluatorToken("jelena");
        String admin = system.adminToken();
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            for (Map.Entry<String, String> a : accepted.entrySet()) {
                assertThat(system.core.get("/api/applications/" + a.getKey(), admin).status()).as("in core " + a.getKey()).isEqualTo(200);
                assertThat(system.evaluation.get("/api/work-items/" + a.getKey(), evaluator).status())
                        .as("in the queue " + a.getKey()).isEqualTo(200);
                assertThat(submissionMails(a.getValue())).as("mailed " + a.getValue()).isEqualTo(1);
            }
        });
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(60);
    }

    private long submissionMails(String contact) throws Exception {
        long n = 0;
        for (MimeMessage m : system.smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(contact) && m.getSubject().startsWith("Prijava primljena")) {
                n++;
            }
        }
        return n;
    }
}
