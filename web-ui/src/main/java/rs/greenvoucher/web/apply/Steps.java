package rs.greenvoucher.web.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * The six steps of the application form and the fields of each, by the API's names. Services and indicators are
 * lists: a step shows the rows filled so far and one empty row (a row left empty is no row).
 */
final class Steps {

    static final int COUNT = 6;
    static final int MAX_ROWS = 20;

    static final List<String> ENTERPRISE = List.of("mb", "pib", "name", "address", "region", "naceCode", "registeredOn",
            "ownership", "employees", "annualTurnoverEur", "totalAssetsEur", "greenRole", "contactName", "contactEmail");
    static final List<String> SERVICE = List.of("type", "description", "costEur", "justification");
    static final List<String> INDICATOR = List.of("indicator", "unit", "baseline", "target");
    static final List<String> DECLARATIONS = List.of("noAffiliation", "noLegalProceedings", "serviceNotStarted", "canCoFinance");

    private Steps() {
    }

    static String name(int step) {
        return switch (step) {
            case 1 -> "enterprise";
            case 2 -> "project";
            case 3 -> "services";
            case 4 -> "providers";
            case 5 -> "indicators";
            case 6 -> "declarations";
            default -> "check";
        };
    }

    /** The fields the step's page posts, given how many rows it shows. */
    static List<String> fields(int step, int rows) {
        List<String> fields = new ArrayList<>();
        switch (step) {
            case 1 -> ENTERPRISE.forEach(f -> fields.add("enterprise." + f));
            case 2 -> fields.addAll(List.of("project.title", "project.description", "project.plannedStart"));
            case 3 -> {
                for (int i = 0; i < rows; i++) {
                    for (String f : SERVICE) {
                        fields.add("project.services[" + i + "]." + f);
                    }
                }
                fields.add("project.requestedVoucherEur");
                fields.add("project.capitalEquipmentEur");
            }
            case 4 -> {
                for (int i = 0; i < rs.greenvoucher.api.SchemeRules.MAX_PROVIDERS; i++) {
                    fields.add("providerCodes[" + i + "]");
                }
            }
            case 5 -> {
                for (int i = 0; i < rows; i++) {
                    for (String f : INDICATOR) {
                        fields.add("project.environmentalIndicators[" + i + "]." + f);
                    }
                }
            }
            case 6 -> DECLARATIONS.forEach(f -> fields.add("declarations." + f));
            default -> {
            }
        }
        return fields;
    }

    /** The step on which a field the API names is entered. */
    static int stepOf(String path) {
        if (path.startsWith("enterprise")) {
            return 1;
        }
        if (path.startsWith("project.services") || path.startsWith("project.requestedVoucherEur")
                || path.startsWith("project.capitalEquipmentEur")) {
            return 3;
        }
        if (path.startsWith("project.environmentalIndicators")) {
            return 5;
        }
        if (path.startsWith("project")) {
            return 2;
        }
        if (path.startsWith("providerCodes")) {
            return 4;
        }
        if (path.startsWith("declarations")) {
            return 6;
        }
        return 0;
    }
}
