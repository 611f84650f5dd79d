package rs.greenvoucher.core.reporting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void aTextCellThatASpreadsheetWouldRunIsDefused(String hostile) {
        String cell = ReportCsv.cell(hostile);
        String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(unquoted).startsWith("'");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(ReportCsv.cell("Eko Plast d.o.o. Šabac")).isEqualTo("Eko Plast d.o.o. Šabac");
        assertThat(ReportCsv.cell("a, b")).isEqualTo("\"a, b\"");
    }
}
