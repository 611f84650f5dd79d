package rs.greenvoucher.web.track;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rs.greenvoucher.api.http.ApplicationPage;
import rs.greenvoucher.api.http.ApplicationView;
import rs.greenvoucher.api.http.DraftView;
import rs.greenvoucher.api.value.ApplicationStatus;
import rs.greenvoucher.web.portal.ApiProblem;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** My applications, an application's page and receipt, withdrawal and the notifications ({@link CompletionPage}: the report). */
@Controller
record ApplicationPages(ServiceApi api, UsualDurations usually) {

    /** Which stage of the reporting figures an application waits in, by its status. */

    @GetMapping("/applications")
    String list(Model model) {
        List<Row> items = new ArrayList<>();
        for (ApplicationPage.Summary summary : api.get(Service.CORE, "/api/applications?size=50", ApplicationPage.class).items()) {
            // an approved voucher's deadline is on the application itself
            items.add(new Row(summary, summary.status() == ApplicationStatus.APPROVED ? view(summary.id()).voucher() : null));
        }
        model.addAttribute("applications", items);
        // drafts are an applicant's; staff who sign in here see the applications only
        rs.greenvoucher.web.portal.SignedIn user = ServiceApi.currentUser();
        model.addAttribute("drafts", user != null && user.applicant()
                ? api.list(Service.CORE, "/api/drafts", DraftView.class) : List.of());
        model.addAttribute("usually", usually.byStatus());
        return "applications";
    }

    /**
     * An application's page; with {@code asOf} (a date and time in Serbia, as a datetime-local field sends it) the
     * application as it stood then, rebuilt from its events, with nothing to act on.
     */
    @GetMapping("/applications/{id}")
    String application(@PathVariable UUID id, @RequestParam(required = false) String asOf,
                       @RequestParam(required = false) String reported, @RequestParam(required = false) String withdrawn, Model model) {
        java.time.LocalDateTime then = AsOf.parse(asOf);
        ApplicationView doc;
        try {
            doc = api.get(Service.CORE, "/api/applications/" + id + (then == null ? "" : "?asOf=" + AsOf.instant(then)),
                    ApplicationView.class);
        } catch (ApiProblem problem) {
            if (then == null || problem.status() != 404) {
                throw problem;
            }
            // not submitted yet at that moment: the application as it is now, saying so
            model.addAttribute("notYetAt", AsOf.instant(then));
            then = null;
            doc = view(id);
        }
        model.addAttribute("app", doc);
        model.addAttribute("statusShown", then == null ? statusShown(doc, reported, withdrawn) : doc.status());
        model.addAttribute("asOf", then);
        model.addAttribute("asOfAt", then == null ? null : AsOf.instant(then));
        model.addAttribute("asOfInvalid", asOf != null && !asOf.isBlank() && then == null);
        model.addAttribute("usually", usually.byStatus());
        model.addAttribute("returnedNote", CompletionForm.returnedNote(doc));
        // the invoices and payments once there is a voucher (not in a view of the past: those are today's)
        model.addAttribute("money", then == null && doc.voucher() != null
                ? api.get(Service.CORE, "/api/applications/" + id + "/money", rs.greenvoucher.api.http.VoucherMoneyView.class) : null);
        return "application";
    }

    /** The applicant confirms that the service an invoice is for was delivered: it becomes payable. */
    @PostMapping("/applications/{id}/invoices/{invoice}/delivery")
    String confirmDelivery(@PathVariable UUID id, @PathVariable UUID invoice) {
        api.post(Service.CORE, "/api/applications/" + id + "/invoices/" + invoice + "/delivery", null);
        return "redirect:/applications/" + id + "?delivered#money";
    }

    /**
     * Right after a report or a withdrawal core has accepted, the applicant's view may not have caught up yet: the page
     * shows the status the action led to (core answered it), not the one before it, and says it is being recorded.
     */
    private static ApplicationStatus statusShown(ApplicationView doc, String reported, String withdrawn) {
        ApplicationStatus status = doc.status();
        if (reported != null && status == ApplicationStatus.APPROVED) {
            return ApplicationStatus.COMPLETION_REPORTED;
        }
        if (withdrawn != null && EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.SCREENED, ApplicationStatus.PROVIDER_MATCHED)
                .contains(status)) {
            return ApplicationStatus.WITHDRAWN;
        }
        return status;
    }

    /** An application in the applicant's list, with its voucher (for the deadline) once approved. */
    record Row(UUID id, String trackingCode, ApplicationStatus status, String enterpriseName, Instant submittedAt,
               ApplicationView.Voucher voucher) {
        Row(ApplicationPage.Summary s, ApplicationView.Voucher voucher) {
            this(s.id(), s.trackingCode(), s.status(), s.enterpriseName(), s.submittedAt(), voucher);
        }
    }

    private ApplicationView view(UUID id) {
        return api.get(Service.CORE, "/api/applications/" + id, ApplicationView.class);
    }

    @GetMapping("/applications/{id}/receipt")
    String receipt(@PathVariable UUID id, Model model) {
        model.addAttribute("app", view(id));
        return "receipt";
    }

    @GetMapping("/applications/{id}/withdraw")
    String withdrawPage(@PathVariable UUID id, Model model) {
        model.addAttribute("app", view(id));
        model.addAttribute("reason", "");
        return "withdraw";
    }

    @PostMapping("/applications/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            api.post(Service.CORE, "/api/applications/" + id + "/withdraw", Map.of("reason", reason.trim()));
            return "redirect:/applications/" + id + "?withdrawn";
        } catch (ApiProblem problem) {
            if (problem.status() == 0 || problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("app", view(id));
            model.addAttribute("reason", reason);
            model.addAttribute("problem", problem);
            return "withdraw";
        }
    }
}
