package rs.greenvoucher.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** A NACE Rev. 2 class, written "22.22" (division.class), as Serbia's KD 2010 uses it. */
public record NaceCode(@JsonValue String value) {

    /** E6: banking and credit, weapons, military vehicles, defence, gambling, tobacco, spirits, wine and beer. */
    private static final List<String> EXCLUDED_PREFIXES = List.of(
            "64.1", "64.9", "25.40", "30.40", "84.22", "92.00", "12.00", "46.35", "47.26",
            "11.01", "11.02", "11.03", "11.04", "11.05", "11.06");

    private static final String SECTIONS =
            // division ranges per NACE section, A..U
            "A01-03 B05-09 C10-33 D35-35 E36-39 F41-43 G45-47 H49-53 I55-56 J58-63 K64-66 L68-68 M69-75 "
                    + "N77-82 O84-84 P85-85 Q86-88 R90-93 S94-96 T97-98 U99-99";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public NaceCode {
        InvalidValueException.unless(value != null && value.matches("\\d{2}\\.\\d{1,2}") && section(value) != null,
                "NACE code must be a NACE Rev. 2 class such as 22.22");
    }

    /** Whether E6 excludes the activity. */
    public boolean isExcludedSector() {
        String normalized = value.length() == 4 ? value + "0" : value;
        return EXCLUDED_PREFIXES.stream().anyMatch(normalized::startsWith);
    }

    /** The NACE section letter (A–U), used in reports. */
    public String section() {
        return section(value);
    }

    private static String section(String code) {
        int division = Integer.parseInt(code.substring(0, 2));
        for (String range : SECTIONS.split(" ")) {
            int from = Integer.parseInt(range.substring(1, 3));
            int to = Integer.parseInt(range.substring(4, 6));
            if (division >= from && division <= to) {
                return range.substring(0, 1);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
