package rs.greenvoucher.core;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class AxonRefusalsTest {

    /** Two changes racing on one application: the loser is told someone acted first, not that its action was wrong. */
    @Test
    void aChangeThatLostARaceIsToldSomeoneChangedTheApplicationMeanwhile() {
        var answer = new CoreExceptionHandler().concurrent(new org.axonframework.modelling.command.ConcurrencyException("sequence 4 taken"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "CHANGED_MEANWHILE");
        assertThat(answer.getBody().getDetail()).doesNotContain("sequence");
    }
}
