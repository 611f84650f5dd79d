package rs.greenvoucher.web.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything: the same keys, none empty, and every fixed key a page uses exists. */
class MessagesTest {

    @Test
    void serbianAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("sr").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    @Test
    void noMessageIsEmptyAndSerbianIsReadAsUtf8() throws IOException {
        for (String lang : new String[]{"sr", "en"}) {
            Properties p = load(lang);
            p.forEach((k, v) -> assertThat(v.toString()).as(lang + " " + k).isNotBlank());
        }
        assertThat(load("sr").getProperty("step.enterprise")).isEqualTo("Preduzeće");
    }

    @Test
    void everyFixedKeyInTheTemplatesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]+)[}(]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(load("sr").stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
