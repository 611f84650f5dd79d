package rs.greenvoucher.core.voucher;

import org.axonframework.test.aggregate.AggregateTestFixture;
import rs.greenvoucher.api.DocumentRules;
import rs.greenvoucher.api.application.ApplicationEvent.ApplicationSubmitted;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionKind;
import rs.greenvoucher.api.application.ApplicationEvent.CorrectionProposed;
import rs.greenvoucher.api.application.ApplicationForm;
import rs.greenvoucher.api.application.CompletionReport;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationRejected;
import rs.greenvoucher.api.application.DecisionEvent.ApplicationScreened;
import rs.greenvoucher.api.application.DecisionEvent.ProvidersMatched;
import rs.greenvoucher.api.application.DecisionEvent.VoucherApproved;
import rs.greenvoucher.api.application.GreenRole;
import rs.greenvoucher.api.application.Indicator;
import rs.greenvoucher.api.application.Ownership;
import rs.greenvoucher.api.application.Region;
import rs.greenvoucher.api.application.RuleCheck;
import rs.greenvoucher.api.application.Scores;
import rs.greenvoucher.api.application.ServiceType;
import rs.greenvoucher.api.call.CallParameters;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.Money;
import rs.greenvoucher.api.value.NaceCode;
import rs.greenvoucher.api.value.Pib;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.api.value.RuleCode;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.core.documents.DocumentStore;
import rs.greenvoucher.core.documents.Upload;
import rs.greenvoucher.core.limits.Limits;
import rs.greenvoucher.core.voucher.attach.Attachment;
import rs.greenvoucher.core.voucher.attach.DocumentFiles;
import rs.greenvoucher.core.voucher.complete.CompletionReporting;
import rs.greenvoucher.core.voucher.correct.Corrections;
import rs.greenvoucher.core.voucher.decide.CommitteeDecision;
import rs.greenvoucher.core.voucher.erase.Erasure;
import rs.greenvoucher.core.voucher.expire.Expiry;
import rs.greenvoucher.core.voucher.inform.DeadlineRows;
import rs.greenvoucher.core.voucher.inform.InformationRequests;
import rs.greenvoucher.core.voucher.inform.Replies;
import rs.greenvoucher.core.voucher.inform.RequestDeadlines;
import rs.greenvoucher.core.voucher.match.Matching;
import rs.greenvoucher.core.voucher.refuse.DecisionRefusal;
import rs.greenvoucher.core.voucher.reject.Rejection;
import rs.greenvoucher.core.voucher.screen.Screening;
import rs.greenvoucher.core.voucher.submit.DraftsToSubmit;
import rs.greenvoucher.core.voucher.submit.Submission;
import rs.greenvoucher.core.voucher.verify.Verification;
import rs.greenvoucher.core.voucher.withdraw.Withdrawal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The voucher application's test fixture: given events, when a command, then events or a refusal, with every use
 * case's handler registered and the limits in memory. Each use case's folder has its test on it.
 */
public final class VoucherFixture {

    private VoucherFixture() {
    }

    public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    public static final UUID ID = UUID.fromString("0b6c2f4e-0000-4000-8000-000000000001");
    public static final UUID CALL = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000ca");
    public static final String APPLICANT = "applicant-1";
    public static final CallParameters CALL_PARAMETERS = new CallParameters("Call 2026", LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-12-31"), Money.eur("100000"), Money.eur("20000"), BigDecimal.valueOf(90), 6,
            Money.eur("4000"), BigDecimal.valueOf(20), List.of(), null);
    /** The same call with the scheme's D1 and D2 (offers, statements, extract, invoices). */
    public static final CallParameters CALL_REQUIRING_DOCUMENTS = new CallParameters("Call 2026", LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-12-31"), Money.eur("100000"), Money.eur("20000"), BigDecimal.valueOf(90), 6,
            Money.eur("4000"), BigDecimal.valueOf(20), DocumentRules.SCHEME_DEFAULT, null);

    /** The aggregate with every use case's handler, on {@code limits} and a clock fixed at {@link #NOW}. */
    public static AggregateTestFixture<VoucherApplication> fixture(FakeLimits limits) {
        return fixture(limits, new FakeDrafts());
    }

    /** The same, with the drafts (and their documents) and the document store in memory. */
    public static AggregateTestFixture<VoucherApplication> fixture(FakeLimits limits, FakeDrafts drafts) {
        return fixture(limits, drafts, new FakeDeadlineRows());
    }

    /** The same, with the requests' deadline rows in memory. */
    public static AggregateTestFixture<VoucherApplication> fixture(FakeLimits limits, FakeDrafts drafts, FakeDeadlineRows rows) {
        AggregateTestFixture<VoucherApplication> fixture = new AggregateTestFixture<>(VoucherApplication.class);
        Vouchers vouchers = new Vouchers(fixture.getRepository());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        for (Object handler : List.of(new Submission(vouchers, limits, drafts, clock), new Screening(vouchers, clock),
                new Matching(vouchers, limits, clock), new Rejection(vouchers, clock), new CommitteeDecision(vouchers, limits, clock),
                new CompletionReporting(vouchers, limits, clock), new Verification(vouchers, clock), new Corrections(vouchers, limits, clock),
                new Withdrawal(vouchers, clock), new Expiry(vouchers, clock), new Erasure(vouchers, clock),
                new DecisionRefusal(vouchers, clock), new Attachment(vouchers, drafts, clock),
                new InformationRequests(vouchers, limits, clock), new Replies(vouchers, clock),
                new RequestDeadlines(vouchers, rows, clock),
                new rs.greenvoucher.core.voucher.invoice.Invoicing(vouchers, drafts, clock),
                new rs.greenvoucher.core.voucher.pay.Payments(vouchers, limits, clock))) {
            fixture.registerAnnotatedCommandHandler(handler);
        }
        return fixture;
    }

    public static ApplicationForm form(String... providerCodes) {
        return new ApplicationForm(
                new ApplicationForm.Enterprise(new Mb("20084693"), new Pib("101134702"), "Eko Plast d.o.o.",
                        "Jovana Nenada 15, 24000 Subotica", Region.VOJVODINA, new NaceCode("22.22"), LocalDate.parse("2015-03-01"),
                        Ownership.PRIVATE_DOMESTIC, 42, Money.eur("3100000"), Money.eur("2500000"), GreenRole.END_USER,
                        "Ana Petrović", "ana@example.rs"),
                new ApplicationForm.Project("Recycled PET packaging line", "A line for food-grade recycled PET",
                        List.of(new ApplicationForm.Service(ServiceType.PROTOTYPING, "Prototype", Money.eur("12000"), null)),
                        LocalDate.parse("2027-02-01"),
                        List.of(new ApplicationForm.IndicatorTarget(Indicator.WASTE_REDUCED, "t/year", BigDecimal.valueOf(120), BigDecimal.valueOf(80))),
                        Money.eur("10800"), null),
                List.of(providerCodes).stream().map(ProviderCode::new).toList(),
                new ApplicationForm.Declarations(true, true, true, true));
    }

    public static ApplicationSubmitted submitted() {
        return new ApplicationSubmitted(ID, "GIV-2026-000001", CALL, APPLICANT, form("12", "23"), NOW, "sr", "ana@example.rs");
    }

    public static final UUID D1 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d1");
    public static final UUID D2 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d2");
    public static final UUID D3 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d3");
    public static final UUID D4 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000d4");
    public static final Scores SCORES = new Scores(4, 3, 5);

    public static ApplicationScreened screened() {
        return new ApplicationScreened(ID, D1, List.of(new RuleCheck(RuleCode.E2, true, "")), "ok", "eva", NOW);
    }

    public static ProvidersMatched matched() {
        return new ProvidersMatched(ID, D2, List.of(new ProviderCode("12")), "", "eva", NOW);
    }

    public static VoucherApproved approved() {
        return new VoucherApproved(ID, D3, CALL, Money.eur("10800"), LocalDate.parse("2027-05-22"), SCORES, "good", "committee", NOW);
    }

    // ---- corrections with four eyes (docs/adr/0012)

    public static final UUID C1 = UUID.fromString("0b6c2f4e-0000-4000-8000-0000000000c1");

    public static ApplicationRejected rejectedAtScreening() {
        return new ApplicationRejected(ID, D1, Stage.SCREENING, List.of(RuleCode.E6), "excluded sector", null, "eva", NOW);
    }

    public static CorrectionProposed reinstatementProposed() {
        return new CorrectionProposed(ID, C1, Stage.SCREENING, CorrectionKind.REINSTATE, List.of(), "NACE read wrongly",
                "admin-1", ApplicationStatus.REJECTED, NOW);
    }

    public static final CompletionReport REPORT = new CompletionReport("Line built", List.of("Prototype", "Test report"), Money.eur("12000"),
            List.of(new CompletionReport.IndicatorResult(Indicator.WASTE_REDUCED, "t/year", BigDecimal.valueOf(78))));

    /** In-memory deadline rows: taken unless marked done (or held by "another instance"). */
    public static final class FakeDeadlineRows implements DeadlineRows {
        public boolean held;
        public boolean reminded;
        public boolean dropped;

        @Override
        public boolean takeReminder(UUID applicationId, UUID requestId) {
            return !held && !reminded && !dropped;
        }

        @Override
        public boolean takeExpiry(UUID applicationId, UUID requestId, LocalDate today) {
            return !held && !dropped;
        }

        @Override
        public void reminded(UUID applicationId) {
            reminded = true;
        }

        @Override
        public void drop(UUID applicationId, UUID requestId) {
            dropped = true;
        }
    }

    /** In-memory stand-in for the PostgreSQL limits (those are proven under concurrency in LimitsRaceIT). */
    public static final class FakeLimits implements Limits {
        public final Map<String, UUID> claimed = new HashMap<>();
        public final Map<UUID, String> slots = new HashMap<>();
        public int openApplicationsPerAccount = 10;
        public final Set<String> active = new HashSet<>(Set.of("01", "02", "03", "04", "12", "23"));
        public boolean open = true;
        public Money budgetLeft = Money.eur("100000");
        public CallParameters parameters = CALL_PARAMETERS;
        public BigDecimal reserved = BigDecimal.ZERO;

        @Override
        public void claimEnterprise(Mb mb, UUID applicationId) {
            if (claimed.putIfAbsent(mb.value(), applicationId) != null) {
                throw RuleViolation.oneVoucherPerEnterprise(mb.value());
            }
        }

        @Override
        public void claimProviderRole(Mb mb) {
            throw new UnsupportedOperationException("providers are qualified by the registry, not by an application");
        }

        @Override
        public void claimOpenApplicationSlot(String applicantId, UUID applicationId) {
            if (slots.values().stream().filter(applicantId::equals).count() >= openApplicationsPerAccount) {
                throw RuleViolation.tooManyOpenApplications(openApplicationsPerAccount);
            }
            slots.put(applicationId, applicantId);
        }

        @Override
        public void requireActiveProviders(List<ProviderCode> codes, String field) {
            List<String> unknown = codes.stream().map(ProviderCode::value).filter(c -> !active.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw RuleViolation.unknownProvider(field, unknown);
            }
        }

        @Override
        public Optional<OpenCall> callOpenOn(LocalDate day) {
            return open ? Optional.of(new OpenCall(CALL, parameters)) : Optional.empty();
        }

        @Override
        public CallParameters callParameters(UUID callId) {
            return parameters;
        }

        @Override
        public void reserveBudget(UUID callId, Money amount) {
            if (amount.isGreaterThan(budgetLeft)) {
                throw RuleViolation.callBudgetExceeded(budgetLeft.toString());
            }
            budgetLeft = budgetLeft.minus(amount);
            reserved = reserved.add(amount.amount());
        }

        /** What the call's approved payment orders add up to (L4 for the money). */
        public Money paymentsLeft = Money.eur("100000");

        @Override
        public void claimPaymentBudget(UUID callId, Money amount) {
            if (amount.isGreaterThan(paymentsLeft)) {
                throw RuleViolation.paymentsOverBudget(paymentsLeft.toString());
            }
            paymentsLeft = paymentsLeft.minus(amount);
        }

        @Override
        public void releasePaymentBudget(UUID callId, Money amount) {
            paymentsLeft = paymentsLeft.plus(amount);
        }

        @Override
        public String nextTrackingCode(int year) {
            return "GIV-" + year + "-000001";
        }
    }

    /** Drafts and stored documents in memory: each draft's documents by its id; what was stored after submission. */
    public static final class FakeDrafts implements DraftsToSubmit, DocumentFiles {
        public final Map<UUID, List<DocumentStore.Stored>> drafts = new HashMap<>();
        public final List<UUID> submitted = new java.util.ArrayList<>();
        public final List<DocumentStore.Stored> stored = new java.util.ArrayList<>();

        @Override
        public Optional<List<DocumentStore.Stored>> lock(String applicantId, UUID draftId) {
            return Optional.ofNullable(drafts.get(draftId));
        }

        @Override
        public List<DocumentStore.Stored> documents(String applicantId, UUID draftId) {
            return drafts.getOrDefault(draftId, List.of());
        }

        @Override
        public void submitted(String applicantId, UUID draftId) {
            drafts.remove(draftId);
            submitted.add(draftId);
        }

        @Override
        public DocumentStore.Stored attachBy(UUID applicationId, String applicantId, Upload upload, String by, Instant at) {
            DocumentStore.Stored document = document(UUID.nameUUIDFromBytes(upload.sha256().getBytes()), applicationId, null,
                    upload.kind(), upload.providerCode(), upload.fileName());
            stored.add(document);
            return document;
        }
    }

    /** A stored document as the store answers it (its name stands for the sealed one). */
    public static DocumentStore.Stored document(UUID id, UUID subject, UUID draftId, DocumentKind kind, String provider,
                                                String name) {
        return new DocumentStore.Stored(id, subject, draftId, kind, provider, name, "application/pdf", true, 1234,
                "a".repeat(64), APPLICANT, NOW);
    }
}
