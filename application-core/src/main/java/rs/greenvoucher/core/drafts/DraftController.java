package rs.greenvoucher.core.drafts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.DraftView;
import rs.greenvoucher.platform.refusal.Refusal;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An applicant's drafts: the portal saves every step of the form here, so it can be resumed from any browser. A
 * draft is any JSON object (it may be incomplete or wrong); {@code POST /api/applications/checks} tells what would
 * refuse it.
 */
@RestController
@RequestMapping(path = "/api/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('APPLICANT')")
@Tag(name = "Drafts")
class DraftController {

    private final Drafts drafts;
    private final JsonMapper json;

    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
    };

    DraftController(Drafts drafts, JsonMapper json) {
        this.drafts = drafts;
        this.json = json;
    }

    /** {@code form}: the application as far as it is filled in; {@code step}: where the applicant stopped (1–7). */
    record DraftRequest(JsonNode form, Integer step) {
    }

    @GetMapping
    @Operation(summary = "My drafts, the latest first (APPLICANT)")
    List<DraftView> list(JwtAuthenticationToken auth) {
        return drafts.list(auth.getName()).stream().map(this::view).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a draft for the open call (APPLICANT; 422 CALL_CLOSED when none is open, "
            + "409 TOO_MANY_DRAFTS over 20)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DraftView> create(@RequestBody DraftRequest request, JwtAuthenticationToken auth) {
        Drafts.Draft draft = drafts.create(auth.getName(), form(request), step(request));
        return ResponseEntity.created(URI.create("/api/drafts/" + draft.id())).body(view(draft));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of my drafts (APPLICANT)")
    DraftView get(@PathVariable UUID id, JwtAuthenticationToken auth) {
        return drafts.find(auth.getName(), id).map(this::view).orElseThrow(Refusal::notFound);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a draft (APPLICANT)")
    DraftView save(@PathVariable UUID id, @RequestBody DraftRequest request, JwtAuthenticationToken auth) {
        return drafts.update(auth.getName(), id, form(request), step(request)).map(this::view).orElseThrow(Refusal::notFound);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft (APPLICANT)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id, JwtAuthenticationToken auth) {
        if (!drafts.delete(auth.getName(), id)) {
            throw Refusal.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private String form(DraftRequest request) {
        if (request == null || request.form() == null || !request.form().isObject()) {
            throw Refusal.invalid("form", "must be a JSON object");
        }
        String form = json.writeValueAsString(request.form());
        if (form.getBytes(StandardCharsets.UTF_8).length > Drafts.MAX_FORM_BYTES) {
            throw Refusal.invalid("form", "at most " + Drafts.MAX_FORM_BYTES / 1024 + " KiB");
        }
        return form;
    }

    private static int step(DraftRequest request) {
        int step = request.step() == null ? 1 : request.step();
        if (step < 1 || step > 7) {
            throw Refusal.invalid("step", "must be between 1 and 7");
        }
        return step;
    }

    private DraftView view(Drafts.Draft d) {
        return new DraftView(d.id(), d.callId(), json.readValue(d.form(), FORM), d.step(), d.createdAt(), d.updatedAt());
    }
}
