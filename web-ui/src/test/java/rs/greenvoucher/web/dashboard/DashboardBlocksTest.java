package rs.greenvoucher.web.dashboard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardBlocksTest {

    private static final Map<String, Object> REPORT = Map.of(
            "funnel", Map.of("submitted", 4, "screened", 3, "matched", 2, "approved", 2, "completed", 1),
            "money", List.of(Map.of("callId", "c1", "name", "=HYPERLINK(\"x\")", "budgetEur", new BigDecimal("10000.00"),
                    "committedEur", new BigDecimal("19800.00"), "paidEur", new BigDecimal("10800.00"), "remainingEur", new BigDecimal("-9800.00"),
                    "committedInFilterEur", new BigDecimal("9000.00"), "paidInFilterEur", new BigDecimal("0.00"))),
            "weeks", List.of(
                    Map.of("weekStarting", "2026-11-02", "submissions", 2, "approvals", 1, "approvedEur", new BigDecimal("10800.00")),
                    Map.of("weekStarting", "2026-11-09", "submissions", 2, "approvals", 0, "approvedEur", new BigDecimal("0.00")),
                    Map.of("weekStarting", "2026-11-16", "submissions", 0, "approvals", 1, "approvedEur", new BigDecimal("9000.00"))),
            "rejections", List.of(Map.of("stage", "SCREENING", "rule", "E6", "applications", 1)));

    @Test
    void theFunnelShowsWhatEachStepLost() {
        List<Map<String, Object>> funnel = DashboardBlocks.funnel(REPORT);
        assertThat(funnel).extracting(r -> r.get("applications")).containsExactly(4L, 3L, 2L, 2L, 1L);
        assertThat(funnel.get(0).get("lost")).isNull();
        assertThat(funnel.get(1).get("lost")).isEqualTo(1L);
        assertThat(funnel.get(1).get("lostPercent")).isEqualTo(new BigDecimal("25.0"));
        assertThat(funnel.get(3).get("lostPercent")).isEqualTo(new BigDecimal("0.0"));
        assertThat(funnel.get(4).get("lostPercent")).isEqualTo(new BigDecimal("50.0"));
    }

    @Test
    void commitmentsAddUpWeekByWeekAgainstTheBudget() {
        List<Map<String, Object>> weeks = DashboardBlocks.commitments(REPORT);
        assertThat(weeks).extracting(r -> r.get("committedSoFar"))
                .containsExactly(new BigDecimal("10800.00"), new BigDecimal("10800.00"), new BigDecimal("19800.00"));
        assertThat(weeks).extracting(r -> r.get("budgetEur")).containsOnly(new BigDecimal("10000.00"));
    }

    @Test
    void aBlocksCsvHasItsFiguresAsTheReportHasThemAndNoFormula() {
        String csv = DashboardBlocks.csv("money", REPORT, List.of());
        assertThat(csv).startsWith("\uFEFFcallId,name,budgetEur,committedEur,paidEur,remainingEur,committedInFilterEur,paidInFilterEur\r\n")
                .contains("c1,\"'=HYPERLINK(\"\"x\"\")\",10000.00,19800.00,10800.00,-9800.00,9000.00,0.00\r\n");
        assertThat(DashboardBlocks.csv("rejections", REPORT, List.of())).endsWith("SCREENING,E6,1\r\n");
        assertThat(DashboardBlocks.csv("tiles", REPORT, List.of())).contains("applications,4\r\n").contains("committed,19800.00\r\n");
    }
}
