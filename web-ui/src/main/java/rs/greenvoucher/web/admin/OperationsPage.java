package rs.greenvoucher.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import rs.greenvoucher.api.http.DeadLetters;
import rs.greenvoucher.api.http.ParkedEvents;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** ADMIN: what the services offer their operator: parked events, dead letters and their replay, read-model rebuilds. */
@Controller
class OperationsPage {

    /** Each service's consumed topics whose dead letters an admin may look at and replay. */
    static final List<Map<String, String>> DEAD_LETTER_TOPICS = List.of(
            Map.of("service", "CORE", "topic", "gv.evaluation.decisions"),
            Map.of("service", "EVALUATION", "topic", "gv.application.events"),
            Map.of("service", "NOTIFICATION", "topic", "gv.application.events"),
            Map.of("service", "NOTIFICATION", "topic", "gv.account.events"));
    static final List<String> PROCESSORS = List.of("applicant-view", "reporting");

    /** A dead-letter topic of one service, with what waits on it; unavailable when the service did not answer. */
    record DeadLetterRow(String service, String topic, boolean unavailable, List<DeadLetters.Waiting> waiting) {
    }

    private final ServiceApi api;

    OperationsPage(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/admin/operations")
    String operations(Model model) {
        model.addAttribute("parked", api.get(Service.CORE, "/api/admin/parked-events", ParkedEvents.class));
        List<DeadLetterRow> deadLetters = new java.util.ArrayList<>();
        for (Map<String, String> t : DEAD_LETTER_TOPICS) {
            try {
                deadLetters.add(new DeadLetterRow(t.get("service"), t.get("topic"), false, api.get(Service.valueOf(t.get("service")),
                        "/api/admin/dead-letter-topics/" + t.get("topic"), DeadLetters.class).waiting()));
            } catch (ApiProblem problem) {
                // one service away does not hide the others
                deadLetters.add(new DeadLetterRow(t.get("service"), t.get("topic"), true, List.of()));
            }
        }
        model.addAttribute("deadLetters", deadLetters);
        model.addAttribute("processors", PROCESSORS);
        return "admin/operations";
    }

    @PostMapping("/admin/operations/parked/{processor}/retry")
    String retryParked(@PathVariable String processor) {
        api.post(Service.CORE, "/api/admin/parked-events/" + processor(processor) + "/retry", Map.of());
        return "redirect:/admin/operations?retried";
    }

    /** One application's parked events: try them again, or drop them (the read model then lacks them until a rebuild). */
    @PostMapping("/admin/operations/parked/{processor}/{sequence}/{action}")
    String parkedSequence(@PathVariable String processor, @PathVariable UUID sequence, @PathVariable String action) {
        String path = "/api/admin/parked-events/" + processor(processor) + "/" + sequence;
        if (action.equals("retry")) {
            api.post(Service.CORE, path + "/retry", Map.of());
        } else if (action.equals("evict")) {
            api.delete(Service.CORE, path);
        } else {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return "redirect:/admin/operations?retried";
    }

        @PostMapping("/admin/operations/dead-letters/{service}/{topic}/replay")
    String replay(@PathVariable String service, @PathVariable String topic) {
        Map<String, String> known = DEAD_LETTER_TOPICS.stream()
                .filter(t -> t.get("service").equals(service) && t.get("topic").equals(topic)).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of()));
        api.post(Service.valueOf(known.get("service")), "/api/admin/dead-letter-topics/" + known.get("topic") + "/replay", Map.of());
        return "redirect:/admin/operations?replayed";
    }

    @PostMapping("/admin/operations/rebuild/{processor}")
    String rebuild(@PathVariable String processor, Model model) {
        api.post(Service.CORE, "/api/admin/processors/" + processor(processor) + "/rebuild", Map.of());
        return "redirect:/admin/operations?rebuilt";
    }

    private static String processor(String processor) {
        if (!PROCESSORS.contains(processor)) {
            throw new ApiProblem(404, "NOT_FOUND", "", List.of(), Map.of());
        }
        return processor;
    }
}
