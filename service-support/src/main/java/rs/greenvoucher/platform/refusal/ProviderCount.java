package rs.greenvoucher.platform.refusal;

import rs.greenvoucher.api.SchemeRules;
import rs.greenvoucher.api.value.RefusalCode;
import rs.greenvoucher.api.value.RuleCode;

import java.util.List;
import java.util.Map;

/**
 * L2, the one check of it: at most three providers per project, at submission (core, and its dry run) and at provider
 * matching (the evaluation service at its door, core in the command). Always TOO_MANY_PROVIDERS with rule L2.
 */
public final class ProviderCount {

    private ProviderCount() {
    }

    public static void require(String field, List<?> providerCodes) {
        int count = providerCodes == null ? 0 : providerCodes.size();
        if (SchemeRules.tooManyProviders(count)) {
            throw new Refusal(RefusalCode.TOO_MANY_PROVIDERS,
                    "At most " + SchemeRules.MAX_PROVIDERS + " providers per project; " + count + " were given.",
                    List.of(RuleCode.L2), List.of(new Refusal.Field(field, "at most " + SchemeRules.MAX_PROVIDERS + " providers")),
                    Map.of("ruleCodes", List.of(RuleCode.L2.name())));
        }
    }
}
