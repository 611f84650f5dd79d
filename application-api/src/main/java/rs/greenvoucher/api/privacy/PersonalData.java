package rs.greenvoucher.api.privacy;

import java.util.List;
import java.util.Map;

/**
 * The one list of personal data in the events and in the messages of {@code gv.application.events}: names, e-mail
 * addresses, the address, the texts the applicant wrote and the names of their files (a file's bytes are sealed
 * with the same key in core's document table). Each is sealed with the application's own key
 * ({@link SealedText}) in the event store and on the topic, and reads as {@link SealedText#ERASED} once the key is
 * deleted (docs/adr/0011). Paths are dotted field names; {@code []} walks every element of a list. The event and its
 * message have the same names and shapes for these fields.
 */
public final class PersonalData {

    /** Inside an {@code ApplicationForm}: the enterprise's name and address, its contact person, the project's texts. */
    public static final List<String> FORM = List.of(
            "enterprise.name", "enterprise.address", "enterprise.contactName", "enterprise.contactEmail",
            "project.title", "project.description", "project.services[].description", "project.services[].justification");

    private static final Map<String, List<String>> BY_TYPE = Map.of(
            "ApplicationSubmitted", List.of(
                    "form.enterprise.name", "form.enterprise.address", "form.enterprise.contactName",
                    "form.enterprise.contactEmail", "form.project.title", "form.project.description",
                    "form.project.services[].description", "form.project.services[].justification", "applicantEmail"),
            "ApplicationWithdrawn", List.of("reason"),
            "CompletionReported", List.of("report.summary", "report.deliverables[]"),
            "DocumentAttached", List.of("fileName"),
            "InformationProvided", List.of("reply", "form.enterprise.name", "form.enterprise.address",
                    "form.enterprise.contactName", "form.enterprise.contactEmail", "form.project.title",
                    "form.project.description", "form.project.services[].description",
                    "form.project.services[].justification"));

    /** The field whose value names the key: every event and message of an application carries it. */
    public static final String SUBJECT_FIELD = "applicationId";

    private PersonalData() {
    }

    /** The personal fields of an event or message type (its simple name); empty for the others. */
    public static List<String> pathsOf(String type) {
        return BY_TYPE.getOrDefault(type, List.of());
    }

    public static boolean hasPersonalData(String type) {
        return BY_TYPE.containsKey(type);
    }
}
