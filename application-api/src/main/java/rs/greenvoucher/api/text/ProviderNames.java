package rs.greenvoucher.api.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A provider's name and city in the reader's language: the registered name in English, the official Serbian name on
 * Serbian pages and in Serbian mails ({@code provider-names-sr.properties}). A provider without a Serbian name there
 * (one pre-qualified later) keeps its registered name in both.
 */
public final class ProviderNames {

    private static final Properties SR = load();

    private ProviderNames() {
    }

    public static String name(String code, String registeredName, String language) {
        return "en".equals(language) || code == null ? registeredName : SR.getProperty("name." + code, registeredName);
    }

    public static String city(String city, String language) {
        return "en".equals(language) || city == null ? city : SR.getProperty("city." + city, city);
    }

    /** Whether the list has a Serbian name for this code (a test keeps every code of the initial list named). */
    public static boolean hasSerbianName(String code) {
        return SR.containsKey("name." + code);
    }

    private static Properties load() {
        Properties names = new Properties();
        try (InputStream in = ProviderNames.class.getResourceAsStream("provider-names-sr.properties")) {
            names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
