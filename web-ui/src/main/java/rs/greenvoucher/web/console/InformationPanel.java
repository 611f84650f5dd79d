package rs.greenvoucher.web.console;

import rs.greenvoucher.api.InformationRules;
import rs.greenvoucher.api.application.RequestedField;
import rs.greenvoucher.api.evaluation.Decision;
import rs.greenvoucher.api.http.DecisionAccepted;
import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.Stage;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "We need more information" (D3), beside the decision of screening, matching and completion verification: what is
 * needed in words, the documents of the stage and the fields it concerns, and a reply-by date (empty: the call's days).
 */
@org.springframework.stereotype.Component
record InformationPanel(ServiceApi api) {

    /** What the panel offers at a stage; null where no one may ask. */
    static Map<String, Object> at(Stage stage) {
        if (stage == null || !Decision.InformationRequest.allowedAt(stage)) {
            return null;
        }
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("kinds", InformationRules.kindsAt(stage));
        offer.put("fields", stage == Stage.COMPLETION_VERIFICATION ? List.of() : List.of(RequestedField.values()));
        return offer;
    }

    Decisions.Result request(UUID id, Map<String, String> form, List<String> kinds, List<String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        String message = FormValues.blankToNull(form.get("infoMessage"));
        if (message == null) {
            errors.put("infoMessage", "console.error.infoMessage");
        }
        LocalDate replyBy = null;
        String typed = FormValues.blankToNull(form.get("replyBy"));
        if (typed != null) {
            try {
                replyBy = LocalDate.parse(typed);
            } catch (DateTimeParseException e) {
                errors.put("replyBy", "console.error.replyBy");
            }
        }
        if (!errors.isEmpty()) {
            return Decisions.Result.invalid(errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentKinds", kinds.stream().filter(k -> java.util.Arrays.stream(DocumentKind.values()).anyMatch(d -> d.name().equals(k))).toList());
        body.put("fields", fields.stream().filter(f -> java.util.Arrays.stream(RequestedField.values()).anyMatch(d -> d.name().equals(f))).toList());
        body.put("replyBy", replyBy == null ? null : replyBy.toString());
        return Decisions.Result.sent(api.post(Service.EVALUATION, "/api/applications/" + id + "/information-request", body,
                DecisionAccepted.class));
    }
}
