package rs.greenvoucher.core.providers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import rs.greenvoucher.api.http.ProviderHistoryEntry;
import rs.greenvoucher.api.http.ProviderView;
import rs.greenvoucher.api.provider.ProviderCommand.DeactivateProvider;
import rs.greenvoucher.api.provider.ProviderCommand.NewProvider;
import rs.greenvoucher.api.provider.ProviderCommand.QualifyProvider;
import rs.greenvoucher.api.provider.ProviderCommand.ReactivateProvider;
import rs.greenvoucher.api.provider.ProviderEvent;
import rs.greenvoucher.api.provider.ProviderKind;
import rs.greenvoucher.api.value.Mb;
import rs.greenvoucher.api.value.ProviderCode;
import rs.greenvoucher.platform.refusal.Refusal;
import rs.greenvoucher.platform.web.input.RequestCheck;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/providers")
@Tag(name = "Providers")
class ProviderController {

    private final CommandGateway commands;
    private final ProviderTable providers;
    private final EventStore events;

    ProviderController(CommandGateway commands, ProviderTable providers, EventStore events) {
        this.commands = commands;
        this.providers = providers;
        this.events = events;
    }

    /** One change to a provider: QUALIFIED, DEACTIVATED or REACTIVATED, by whom ("initial list" for the seed), why. */

    record QualifyRequest(String name, ProviderKind kind, String city, Mb mb) {
    }

    record ReasonRequest(String reason) {
    }

    @GetMapping
    @Operation(summary = "The provider list")
    List<ProviderView> list() {
        return providers.all();
    }

    @GetMapping("/{code}/history")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every change to one provider, oldest first, read from the registry's events (ADMIN)")
    List<ProviderHistoryEntry> history(@PathVariable ProviderCode code) {
        List<ProviderHistoryEntry> history = new ArrayList<>();
        // the registry is one aggregate of a few hundred events at most; read from its first event, never a snapshot
        events.readEvents(ProviderRegistry.ID, 0).asStream().map(m -> m.getPayload())
                .filter(p -> p instanceof ProviderEvent e && e.code().equals(code))
                .forEach(p -> {
                    if (p instanceof ProviderEvent.ProviderQualified q) {
                        history.add(new ProviderHistoryEntry("QUALIFIED", q.occurredAt(), q.by(), null));
                    } else if (p instanceof ProviderEvent.ProviderDeactivated d) {
                        history.add(new ProviderHistoryEntry("DEACTIVATED", d.occurredAt(), d.by(), d.reason()));
                    } else if (p instanceof ProviderEvent.ProviderReactivated r) {
                        history.add(new ProviderHistoryEntry("REACTIVATED", r.occurredAt(), r.by(), null));
                    }
                });
        if (history.isEmpty()) {
            throw Refusal.notFound();
        }
        return history;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Pre-qualify a further R&D organisation (ADMIN; P2, P3, L3)")
    ResponseEntity<ProviderView> qualify(@RequestBody QualifyRequest request, JwtAuthenticationToken auth) {
        if (request == null) {
            throw Refusal.invalid("body", "is required");
        }
        RequestCheck check = new RequestCheck();
        check.that(request.name() != null && !request.name().isBlank() && request.name().length() <= 300, "name", "1 to 300 characters");
        check.required("kind", request.kind());
        check.that(request.city() != null && !request.city().isBlank() && request.city().length() <= 100, "city", "1 to 100 characters");
        check.orRefuse();
        ProviderCode code = commands.sendAndWait(new QualifyProvider(
                new NewProvider(null, request.name().trim(), request.kind(), request.city().trim(), request.mb()), auth.getName()));
        ProviderView view = new ProviderView(code.value(), request.name().trim(), request.kind(), request.city().trim(), true,
                request.mb() == null ? null : request.mb().value());
        return ResponseEntity.created(URI.create("/api/providers/" + code.value())).body(view);
    }

    @PostMapping("/{code}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Take a provider off the active list (ADMIN)")
    void deactivate(@PathVariable ProviderCode code, @RequestBody(required = false) ReasonRequest request, JwtAuthenticationToken auth) {
        commands.sendAndWait(new DeactivateProvider(code, request == null ? null : request.reason(), auth.getName()));
    }

    @PostMapping("/{code}/reactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Put a provider back on the active list (ADMIN)")
    void reactivate(@PathVariable ProviderCode code, JwtAuthenticationToken auth) {
        commands.sendAndWait(new ReactivateProvider(code, auth.getName()));
    }
}
