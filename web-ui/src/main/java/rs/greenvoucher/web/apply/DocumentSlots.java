package rs.greenvoucher.web.apply;

import rs.greenvoucher.api.http.DocumentView;
import rs.greenvoucher.api.value.DocumentKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The documents a draft asks for, one slot each: an offer from every provider chosen, the financial statements, the
 * register extract, then anything else; each says whether the call requires it (D1) and what is attached to it.
 */
public record DocumentSlots(List<Slot> slots, boolean complete) {

    public record Slot(DocumentKind kind, String providerCode, String providerName, boolean required, List<DocumentView> attached) {

        /** What the slot's form and its messages are named by: the kind, and the provider for an offer. */
        public String id() {
            return kind + (providerCode == null ? "" : "." + providerCode);
        }

        public boolean missing() {
            return required && attached.isEmpty();
        }
    }

    /** Before submission (D1): the offers, the statements, the extract and anything else. */
    public static DocumentSlots of(List<DocumentKind> required, Map<String, String> providers, List<DocumentView> documents) {
        List<Slot> slots = new ArrayList<>();
        providers.forEach((code, name) -> slots.add(slot(DocumentKind.PROVIDER_OFFER, code, name, required, documents)));
        slots.add(slot(DocumentKind.FINANCIAL_STATEMENTS, null, null, required, documents));
        slots.add(slot(DocumentKind.REGISTER_EXTRACT, null, null, required, documents));
        slots.add(slot(DocumentKind.OTHER, null, null, required, documents));
        return new DocumentSlots(slots, slots.stream().noneMatch(Slot::missing));
    }

    /** For the completion report (D2): an invoice from every provider of the voucher, evidence, anything else. */
    public static DocumentSlots atCompletion(List<DocumentKind> required, Map<String, String> providers, List<DocumentView> documents) {
        List<Slot> slots = new ArrayList<>();
        providers.forEach((code, name) -> slots.add(slot(DocumentKind.INVOICE, code, name, required, documents)));
        slots.add(slot(DocumentKind.RESULT_EVIDENCE, null, null, required, documents));
        slots.add(slot(DocumentKind.OTHER, null, null, required, documents));
        return new DocumentSlots(slots, slots.stream().noneMatch(Slot::missing));
    }

    /**
     * For a reply to a request for more information (D3): a slot for each kind asked for (an offer or invoice from each
     * provider), each required until something of its kind arrived after the request, and one for anything else.
     */
    public static DocumentSlots forRequest(List<DocumentKind> asked, java.time.Instant askedAt, Map<String, String> providers,
                                           List<DocumentView> documents) {
        List<DocumentView> since = documents.stream().filter(d -> !d.uploadedAt().isBefore(askedAt)).toList();
        List<Slot> slots = new ArrayList<>();
        for (DocumentKind kind : asked) {
            if (kind == DocumentKind.OTHER) {
                continue;
            }
            if (kind.perProvider()) {
                providers.forEach((code, name) -> slots.add(slot(kind, code, name, List.of(), since)));
            } else {
                slots.add(slot(kind, null, null, asked, since));
            }
        }
        slots.add(slot(DocumentKind.OTHER, null, null, List.of(), since));
        // one of a per-provider kind is what D3 asks: the first provider's slot carries the requirement
        return new DocumentSlots(slots, asked.stream().filter(k -> k != DocumentKind.OTHER)
                .allMatch(k -> since.stream().anyMatch(d -> d.kind() == k)));
    }

    private static Slot slot(DocumentKind kind, String code, String name, List<DocumentKind> required, List<DocumentView> documents) {
        return new Slot(kind, code, name, required.contains(kind), documents.stream()
                .filter(d -> d.kind() == kind && (code == null || Objects.equals(code, d.providerCode()))).toList());
    }
}
