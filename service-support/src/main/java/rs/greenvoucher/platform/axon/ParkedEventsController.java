package rs.greenvoucher.platform.axon;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** ADMIN: the events a processor parked, with their error; retry them after a fix, or evict them. */
@RestController
public record ParkedEventsController(ParkedEvents parked) {

    @GetMapping("/api/admin/parked-events")
    /** Events parked by the event processors, with the error (at most 500). */
    public Map<String, Object> list(@RequestParam(required = false) String processor) {
        List<ParkedEvents.Parked> items = parked.list(processor);
        return Map.of("counts", parked.counts(), "items", items);
    }

    @PostMapping("/api/admin/parked-events/{processor}/retry")
    /** Retry every parked sequence of a processor; answers how many were cleared. */
    public Map<String, Object> retry(@PathVariable String processor) {
        return Map.of("cleared", parked.retry(processor), "remaining", parked.count(processor));
    }

    @PostMapping("/api/admin/parked-events/{processor}/{sequence}/retry")
    /** Retry one parked sequence (an application id). */
    public Map<String, Object> retryOne(@PathVariable String processor, @PathVariable String sequence) {
        return Map.of("cleared", parked.retry(processor, sequence), "remaining", parked.count(processor));
    }

    @DeleteMapping("/api/admin/parked-events/{processor}/{sequence}")
    /** Evict a parked sequence: its events never reach this processor. */
    public Map<String, Object> evict(@PathVariable String processor, @PathVariable String sequence) {
        return Map.of("evicted", parked.evict(processor, sequence), "remaining", parked.count(processor));
    }
}
