package rs.greenvoucher.api;

import rs.greenvoucher.api.value.DocumentKind;
import rs.greenvoucher.api.value.ProviderCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which documents an application must carry (D1 at submission, D2 at the completion report) and how large they may
 * be, in one place for core and the portal. A call names the kinds it requires ({@code requiredDocuments}); the
 * scheme's default is {@link #SCHEME_DEFAULT}. An offer and an invoice are required once per provider.
 */
public final class DocumentRules {

    /** What a call requires unless it says otherwise: the scheme's rules (reference/scheme-rules.md, D1 and D2). */
    public static final List<DocumentKind> SCHEME_DEFAULT = List.of(DocumentKind.PROVIDER_OFFER,
            DocumentKind.FINANCIAL_STATEMENTS, DocumentKind.REGISTER_EXTRACT, DocumentKind.INVOICE);

    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final long MAX_APPLICATION_BYTES = 50L * 1024 * 1024;
    /** More than any real application needs (three offers, three invoices, statements, extract, evidence). */
    public static final int MAX_FILES = 40;
    public static final int MAX_NAME_LENGTH = 200;

    /** A document as the rules see it: its kind and, for an offer or an invoice, its provider. */
    public record Attached(DocumentKind kind, String providerCode) {
    }

    /** A required document that is not there: for a per-provider kind, the provider it must come from. */
    public record Missing(DocumentKind kind, String providerCode) {
    }

    private DocumentRules() {
    }

    /** D1: the kinds the call requires at submission that are not attached (an offer per requested provider). */
    public static List<Missing> missingAtSubmission(Collection<DocumentKind> required, List<ProviderCode> providers,
                                                    Collection<Attached> attached) {
        return missing(required.stream().filter(k -> !k.atCompletion()).toList(), providers, attached);
    }

    /** D2: the invoices the call requires at completion that are not attached (one per matched provider). */
    public static List<Missing> missingAtCompletion(Collection<DocumentKind> required, List<ProviderCode> providers,
                                                    Collection<Attached> attached) {
        return missing(required.stream().filter(DocumentKind::atCompletion).toList(), providers, attached);
    }

    private static List<Missing> missing(List<DocumentKind> kinds, List<ProviderCode> providers, Collection<Attached> attached) {
        List<Missing> missing = new ArrayList<>();
        for (DocumentKind kind : kinds) {
            if (!kind.perProvider()) {
                if (attached.stream().noneMatch(a -> a.kind() == kind)) {
                    missing.add(new Missing(kind, null));
                }
                continue;
            }
            for (ProviderCode provider : providers == null ? List.<ProviderCode>of() : providers) {
                if (attached.stream().noneMatch(a -> a.kind() == kind && provider.value().equals(a.providerCode()))) {
                    missing.add(new Missing(kind, provider.value()));
                }
            }
        }
        return missing;
    }
}
