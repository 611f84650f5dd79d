package rs.greenvoucher.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import rs.greenvoucher.api.value.Stage;

import java.time.Instant;

/** Open items of one stage: all, nobody's, the caller's; the oldest's entry time; open items by age in days. */
public record StageCount(Stage stage, long open, long unclaimed, long mine,
                         @Schema(types = {"string", "null"}, format = "date-time") Instant oldest,
                         long upToOneDay, long upToThreeDays, long upToSevenDays, long upToFourteenDays, long older) {
}
