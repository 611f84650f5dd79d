package rs.greenvoucher.web.dashboard;

import org.junit.jupiter.api.Test;
import rs.greenvoucher.api.http.ThroughputReport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardBlocksTest {

    private static final UUID CALL = UUID.fromString("0b7e3a52-5f0e-4c2a-9d55-6a1f9e2d0c11");
    private static final ThroughputReport REPORT = new ThroughputReport(null, Map.of(),
            new ThroughputReport.Funnel(4, 3, 2, 2, 1), List.of(),
            List.of(new ThroughputReport.Week(LocalDate.parse("2026-11-02"), 2, 1, new BigDecimal("10800.00")),
                    new ThroughputReport.Week(LocalDate.parse("2026-11-09"), 2, 0, new BigDecimal("0.00")),
                    new ThroughputReport.Week(LocalDate.parse("2026-11-16"), 0, 1, new BigDecimal("9000.00"))),
            List.of(), List.of(), List.of(),
            List.of(new ThroughputReport.CallMoney(CALL, "=HYPERLINK(\"x\")", new BigDecimal("10000.00"), new BigDecimal("19800.00"),
                    new BigDecimal("10800.00"), new BigDecimal("-9800.00"), new BigDecimal("9000.00"), new BigDecimal("0.00"),
                    new BigDecimal("10800.00"), new BigDecimal("12000.00"), new BigDecimal("10800.00"))),
            List.of(), List.of(new ThroughputReport.Rejection("SCREENING", "E6", 1)), List.of());

    @Test
    void theFunnelShowsWhatEachStepLost() {
        List<DashboardBlocks.FunnelStep> funnel = DashboardBlocks.funnel(REPORT);
        assertThat(funnel).extracting(DashboardBlocks.FunnelStep::applications).containsExactly(4L, 3L, 2L, 2L, 1L);
        assertThat(funnel.get(0).lost()).isNull();
        assertThat(funnel.get(1).lost()).isEqualTo(1L);
        assertThat(funnel.get(1).lostPercent()).isEqualTo(new BigDecimal("25.0"));
        assertThat(funnel.get(3).lostPercent()).isEqualTo(new BigDecimal("0.0"));
        assertThat(funnel.get(4).lostPercent()).isEqualTo(new BigDecimal("50.0"));
    }

    @Test
    void commitmentsAddUpWeekByWeekAgainstTheBudget() {
        List<DashboardBlocks.Commitment> weeks = DashboardBlocks.commitments(REPORT);
        assertThat(weeks).extracting(DashboardBlocks.Commitment::committedSoFar)
                .containsExactly(new BigDecimal("10800.00"), new BigDecimal("10800.00"), new BigDecimal("19800.00"));
        assertThat(weeks).extracting(DashboardBlocks.Commitment::budgetEur).containsOnly(new BigDecimal("10000.00"));
    }

    @Test
    void aBlocksCsvHasItsFiguresAsTheReportHasThemAndNoFormula() {
        String csv = DashboardBlocks.csv("money", REPORT, List.of());
        assertThat(csv).startsWith("\uFEFFcallId,name,budgetEur,committedEur,paidEur,remainingEur,committedInFilterEur,paidInFilterEur\r\n")
                .contains(CALL + ",\"'=HYPERLINK(\"\"x\"\")\",10000.00,19800.00,10800.00,-9800.00,9000.00,0.00\r\n");
        assertThat(DashboardBlocks.csv("rejections", REPORT, List.of())).endsWith("SCREENING,E6,1\r\n");
        assertThat(DashboardBlocks.csv("tiles", REPORT, List.of())).contains("applications,4\r\n").contains("committed,19800.00\r\n");
    }
}
