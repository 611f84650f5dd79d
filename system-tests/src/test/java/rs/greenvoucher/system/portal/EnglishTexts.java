package rs.greenvoucher.system.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The services' English sentences (statuses, rules, the auto-checks' explanations, the providers' registered names),
 * as the pieces of text between their values: none may appear on a Serbian page.
 */
final class EnglishTexts {

    /** Pieces shorter than this are words both languages share ("EUR", "NACE", an MB). */
    private static final int SHORTEST = 14;

    static final List<String> PIECES = load();

    private EnglishTexts() {
    }

    /** The first English piece the text contains, or null. */
    static String foundIn(String text) {
        for (String piece : PIECES) {
            if (text.contains(piece)) {
                return piece;
            }
        }
        return null;
    }

    private static List<String> load() {
        Properties english = new Properties();
        try (InputStream in = EnglishTexts.class.getResourceAsStream("/rs/greenvoucher/api/text/scheme_en.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> pieces = new ArrayList<>(List.of("University of", "Faculty of", "Institute of", "Belgrade"));
        for (String value : english.stringPropertyNames().stream().map(english::getProperty).toList()) {
            for (String piece : value.replace("''", "'").split("\\{[^}]*}")) {
                String p = piece.strip();
                if (p.length() >= SHORTEST) {
                    pieces.add(p);
                }
            }
        }
        return List.copyOf(pieces);
    }
}
