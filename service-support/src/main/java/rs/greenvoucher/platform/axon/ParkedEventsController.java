package rs.greenvoucher.platform.axon;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.ParkedEvents.Evicted;
import rs.greenvoucher.api.http.ParkedEvents.Retried;

/** ADMIN: the events a processor parked, with their error; retry them after a fix, or evict them. */
@RestController
public record ParkedEventsController(ParkedEvents parked) {

    @GetMapping("/api/admin/parked-events")
    /** Events parked by the event processors, with the error (at most 500). */
    public rs.greenvoucher.api.http.ParkedEvents list(@RequestParam(required = false) String processor) {
        return new rs.greenvoucher.api.http.ParkedEvents(parked.counts(), parked.list(processor));
    }

    @PostMapping("/api/admin/parked-events/{processor}/retry")
    /** Retry every parked sequence of a processor; answers how many were cleared. */
    public Retried retry(@PathVariable String processor) {
        return new Retried(parked.retry(processor), parked.count(processor));
    }

    @PostMapping("/api/admin/parked-events/{processor}/{sequence}/retry")
    /** Retry one parked sequence (an application id). */
    public Retried retryOne(@PathVariable String processor, @PathVariable String sequence) {
        return new Retried(parked.retry(processor, sequence) ? 1 : 0, parked.count(processor));
    }

    @DeleteMapping("/api/admin/parked-events/{processor}/{sequence}")
    /** Evict a parked sequence: its events never reach this processor. */
    public Evicted evict(@PathVariable String processor, @PathVariable String sequence) {
        return new Evicted(parked.evict(processor, sequence), parked.count(processor));
    }
}
