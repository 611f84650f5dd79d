package rs.greenvoucher.api.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderNamesTest {

    /** The initial list lives with core, which seeds it; this module reads it where it is. */
    private static final Path LIST = Path.of("..", "application-core", "src", "main", "resources", "reference", "rd-service-providers.csv");

    @Test
    void everyProviderOfTheInitialListHasASerbianName() throws IOException {
        List<String> codes = Files.readAllLines(LIST, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(codes).hasSize(68).allMatch(ProviderNames::hasSerbianName);
    }

    @Test
    void serbianPagesReadTheSerbianNameAndEnglishPagesTheRegisteredOne() {
        String registered = "Faculty of Technology and Metallurgy, University of Belgrade";
        assertThat(ProviderNames.name("12", registered, "sr")).isEqualTo("Tehnološko-metalurški fakultet, Univerzitet u Beogradu");
        assertThat(ProviderNames.name("12", registered, "en")).isEqualTo(registered);
        assertThat(ProviderNames.city("Belgrade", "sr")).isEqualTo("Beograd");
        assertThat(ProviderNames.city("Niš", "sr")).isEqualTo("Niš");
        assertThat(ProviderNames.city("Belgrade", "en")).isEqualTo("Belgrade");
    }

    @Test
    void aProviderPreQualifiedLaterKeepsItsRegisteredNameInBoth() {
        assertThat(ProviderNames.name("69", "Eko Inženjering d.o.o.", "sr")).isEqualTo("Eko Inženjering d.o.o.");
    }
}
