package rs.greenvoucher.core.publishing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The publisher waits for an absent broker itself, instead of handing the batch to Axon's slow retry (ADR 0023). */
class BrokerWaitTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);

    private static KafkaException noMetadata() {
        return new KafkaException("Send failed", new TimeoutException("Topic gv.application.events not present in metadata after 10000 ms."));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aSendThatFindsNoBrokerIsTriedAgainUntilTheBrokerAnswers() {
        CompletableFuture acknowledged = CompletableFuture.completedFuture(null);
        when(kafka.send(any(ProducerRecord.class)))
                .thenThrow(noMetadata()).thenReturn(CompletableFuture.failedFuture(noMetadata())).thenReturn(acknowledged);

        assertThat(BrokerWait.send(kafka, "gv.application.events", "app", "{}")).isSameAs(acknowledged);
        verify(kafka, times(3)).send(any(ProducerRecord.class));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRecordTheBrokerRefusesForWhatItIsComesBackAtOnce() {
        CompletableFuture tooLarge = CompletableFuture.failedFuture(new RecordTooLargeException("1 MB"));
        when(kafka.send(any(ProducerRecord.class))).thenReturn(tooLarge);

        assertThat(BrokerWait.send(kafka, "gv.application.events", "app", "{}")).isSameAs(tooLarge);
        verify(kafka, times(1)).send(any(ProducerRecord.class));
    }

    /** The record carries the trace of the event it publishes (docs/adr/0034). */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theRecordCarriesTheTraceparentItIsGiven() {
        org.mockito.ArgumentCaptor<ProducerRecord> sent = org.mockito.ArgumentCaptor.forClass(ProducerRecord.class);
        when(kafka.send(sent.capture())).thenReturn((CompletableFuture) CompletableFuture.completedFuture(null));

        BrokerWait.send(kafka, "gv.application.events", "app", "{}", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(new String(sent.getValue().headers().lastHeader("traceparent").value()))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void aFailedAcknowledgementFailsTheBatch() {
        assertThatThrownBy(() -> BrokerWait.awaitAll(List.of(CompletableFuture.completedFuture(null),
                CompletableFuture.failedFuture(new TimeoutException("delivery timeout")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("published again");
    }
}
