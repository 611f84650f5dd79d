package rs.greenvoucher.core;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import rs.greenvoucher.core.voucher.decide.DecideOnApplication;
import rs.greenvoucher.core.voucher.match.MatchProviders;
import rs.greenvoucher.core.voucher.screen.ScreenApplication;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.core.voucher.RuleViolation;
import rs.greenvoucher.infra.HttpApi.Response;
import rs.greenvoucher.infra.TestData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-based limits under truly concurrent requests: the losers lose, and leave nothing behind. */
public class LimitsRaceIT extends CoreIntegrationTest {

    @Autowired
    CommandGateway commands;

    @RepeatedTest(3)
    void twentyConcurrentSubmissionsForOneEnterpriseAcceptExactlyOne() throws Exception {
        String mb = TestData.mb();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(api.newApplicant(i % 2 == 0 ? "sr" : "en"));
        }
        List<Integer> statuses = race(tokens.stream().<Callable<Integer>>map(token ->
                () -> api.post("/api/applications", token, TestData.application(mb)).status()).toList());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(jdbc.sql("select count(*) from enterprise_claim where mb = :mb").param("mb", mb).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from domain_event_entry
                where payload_type like '%ApplicationSubmitted' and convert_from(payload, 'UTF8') like '%' || :mb || '%'""")
                .param("mb", mb).query(Integer.class).single()).isEqualTo(1);
    }

    @RepeatedTest(3)
    void concurrentApprovalsNeverPassTheCallBudget() throws Exception {
        // a call of its own, in the past, with room for exactly three vouchers of EUR 10,000
        String name = "Budget race " + UUID.randomUUID();
        LocalDate opens = LocalDate.parse("2020-01-01").plusDays(jdbc.sql("select count(*) from scheme_call").query(Integer.class).single() * 10L);
        UUID callId = ensureCall(name, opens, opens.plusDays(5), "30000");
        clock.set(opens.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(36_000));

        String token = api.newApplicant("sr");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Response r = api.post("/api/applications", token, TestData.application(TestData.mb(), "22.22", "[\"12\"]", "10000"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            UUID id = UUID.fromString(r.json().get("id").asString());
            commands.sendAndWait(new ScreenApplication(id, UUID.randomUUID(), true, List.of(), "", "evaluator"));
            commands.sendAndWait(new MatchProviders(id, UUID.randomUUID(), List.of(new ProviderCode("12")), "", "evaluator"));
            ids.add(id);
        }

        List<String> outcomes = race(ids.stream().<Callable<String>>map(id -> () -> {
            try {
                commands.sendAndWait(new DecideOnApplication(id, UUID.randomUUID(), true, Money.eur("10000"),
                        new Scores(4, 4, 4), List.of(), "good project", "committee"));
                return "APPROVED";
            } catch (RuleViolation e) {
                return e.code().name();
            }
        }).toList());

        assertThat(outcomes).filteredOn("APPROVED"::equals).hasSize(3);
        assertThat(outcomes).filteredOn("CALL_BUDGET_EXCEEDED"::equals).hasSize(5);
        BigDecimal committed = jdbc.sql("select committed_eur from scheme_call where id = :id").param("id", callId)
                .query(BigDecimal.class).single();
        assertThat(committed).isEqualByComparingTo("30000");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%VoucherApproved' and convert_from(payload, 'UTF8') like '%' || :call || '%'")
                .param("call", callId.toString()).query(Integer.class).single()).isEqualTo(3);
        clock.set(Instant.parse("2026-11-22T10:00:00Z"));
    }

    /** Runs every task at the same moment on its own thread and answers their results in order. */
    /** Every task at once, from its own thread, released together; their answers in order. */
    public static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
