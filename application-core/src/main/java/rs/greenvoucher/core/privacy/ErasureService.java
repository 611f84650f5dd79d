package rs.greenvoucher.core.privacy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import rs.greenvoucher.core.accounts.AccountService;
import rs.greenvoucher.core.voucher.erase.ErasePersonalData;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erasure of an applicant on their request (docs/adr/0011), all in one transaction: each of their applications
 * records PersonalDataErased (refused unless every one is closed), its key is deleted, so that every personal field
 * of its events reads as erased from then on, the account is anonymised and the drafts deleted. The read models of
 * core and the other services blank their copies when the event reaches them; the tombstone on gv.personal.keys makes
 * the messages already on the topic unreadable too.
 */
@Service
public class ErasureService {

    public record Erasure(UUID accountId, List<UUID> applications, Instant erasedAt) {
    }

    private final AccountService accounts;
    private final CommandGateway commands;
    private final JdbcPersonalKeys keys;
    private final JdbcClient jdbc;
    private final Clock clock;

    ErasureService(AccountService accounts, CommandGateway commands, JdbcPersonalKeys keys, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.commands = commands;
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Erasure erase(UUID accountId, String reason, String erasedBy) {
        String applicant = accountId.toString();
        accounts.requireApplicant(accountId);
        // the key table knows every application with personal data, committed with its first event
        List<String> applications = jdbc.sql("""
                        select subject from personal_key k where applicant_id = :a
                            and exists (select 1 from domain_event_entry e where e.aggregate_identifier = k.subject)
                        order by created_at""")
                .param("a", applicant).query(String.class).list();
        for (String application : applications) {
            commands.sendAndWait(new ErasePersonalData(UUID.fromString(application), reason, erasedBy));
        }
        // the applications' keys, and those of drafts with documents (the drafts and their files are deleted below)
        keys.erase(jdbc.sql("select subject from personal_key where applicant_id = :a and key is not null")
                .param("a", applicant).query(String.class).list());
        jdbc.sql("delete from application_draft where applicant_id = :a").param("a", applicant).update();
        // last: revoking the account's tokens takes effect in memory at once, so nothing after it may fail
        accounts.eraseApplicant(accountId);
        return new Erasure(accountId, applications.stream().map(UUID::fromString).toList(), clock.instant());
    }
}
