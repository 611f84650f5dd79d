package rs.greenvoucher.web.apply;

import org.springframework.ui.Model;
import rs.greenvoucher.api.http.DocumentView;

import java.util.List;
import java.util.UUID;

/** What the last upload did, from the page's address: the name of the document attached, or why it was refused. */
public final class DocumentOutcome {

    private DocumentOutcome() {
    }

    public static void show(Model model, List<DocumentView> documents, UUID attached, String error, String slot) {
        if (attached != null) {
            documents.stream().filter(d -> d.id().equals(attached)).findFirst()
                    .ifPresent(d -> model.addAttribute("documentAttached", d.fileName()));
        }
        if (error != null && DraftDocuments.ERRORS.contains(error) && slot != null && slot.matches("[A-Z_]{1,32}(\\.\\d{2,4})?")) {
            model.addAttribute("documentError", error);
            model.addAttribute("documentKind", slot);
        }
    }
}
