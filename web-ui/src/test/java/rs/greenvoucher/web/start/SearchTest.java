package rs.greenvoucher.web.start;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTest {

    @Test
    void diacriticsAreFoldedSoEitherSpellingFinds() {
        assertThat(StartController.fold("Niš")).isEqualTo(StartController.fold("Nis"));
        assertThat(StartController.fold("Đorđević")).isEqualTo("djordjevic");
        assertThat(StartController.fold("Čačak Šabac Žabalj Ćuprija")).isEqualTo("cacak sabac zabalj cuprija");
    }
}
