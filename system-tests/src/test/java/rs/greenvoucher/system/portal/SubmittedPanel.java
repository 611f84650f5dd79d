package rs.greenvoucher.system.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import rs.greenvoucher.system.SystemAccess;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's "application as submitted" panel against the evaluation service's answer for the same item: every
 * value the API has is on the page (no "—" or empty value where it answered one), and every declaration reads as
 * the API has it. What the evaluator reads, not whether the panel is there.
 */
final class SubmittedPanel {

    private SubmittedPanel() {
    }

    /** On an item page (/console/items/{id}): checks the panel and answers the API's application. */
    static JsonNode assertShowsTheApplication(Browser b, String id, String lang) {
        JsonNode application = SystemAccess.evaluation().get("/api/work-items/" + id, SystemAccess.staffToken("milos"))
                .json().get("application");
        WebElement panel = b.driver.findElement(By.cssSelector("section.application"));
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement fact : panel.findElements(By.cssSelector("dl.facts > div"))) {
            shown.put(fact.findElement(By.tagName("dt")).getText().trim(), fact.findElement(By.tagName("dd")).getText().trim());
        }
        boolean sr = lang.equals("sr");
        JsonNode e = application.get("enterprise");
        JsonNode p = application.get("project");
        assertThat(shown).as("the panel's facts on " + b.path())
                .containsEntry(sr ? "Matični broj (MB)" : "Registration number (MB)", e.get("mb").asString())
                .containsValue(e.get("pib").asString())
                .containsValue(e.get("name").asString())
                .containsValue(e.get("address").asString())
                .containsValue(e.get("contactEmail").asString())
                .containsValue(e.get("naceCode").asString())
                .containsEntry(sr ? "Naziv projekta" : "Project title", p.get("title").asString())
                .containsValue(p.get("description").asString());
        for (Map.Entry<String, String> fact : shown.entrySet()) {
            // only capital equipment may be absent from an application
            if (!fact.getKey().contains(sr ? "oprem" : "equipment")) {
                assertThat(fact.getValue()).as("\"" + fact.getKey() + "\" on " + b.path()).isNotEmpty().isNotEqualTo("—");
            }
        }
        List<String> declarations = panel.findElements(By.cssSelector("[aria-labelledby='a-declarations'] li")).stream()
                .map(WebElement::getText).toList();
        assertThat(declarations).hasSize(4);
        for (String key : List.of("noAffiliation", "noLegalProceedings", "serviceNotStarted", "canCoFinance")) {
            boolean declared = application.get("declarations").get(key).asBoolean();
            assertThat(declarations).as("declaration " + key).anyMatch(d -> d.endsWith(": " + (declared ? (sr ? "da" : "yes") : (sr ? "ne" : "no")))
                    && !d.isBlank());
        }
        assertThat(declarations.stream().filter(d -> d.endsWith(sr ? ": da" : ": yes")).count())
                .isEqualTo(List.of("noAffiliation", "noLegalProceedings", "serviceNotStarted", "canCoFinance").stream()
                        .filter(k -> application.get("declarations").get(k).asBoolean()).count());
        for (JsonNode code : application.get("providerCodes")) {
            assertThat(panel.getText()).contains("(" + code.asString() + ")");
        }
        return application;
    }
}
