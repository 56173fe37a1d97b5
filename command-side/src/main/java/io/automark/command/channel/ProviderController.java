package io.automark.command.channel;

import io.automark.command.channel.ProviderSettings.Source;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.NotFoundException;
import io.automark.command.common.Problem;
import io.automark.events.campaign.ComponentType;
import jakarta.validation.constraints.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.automark.command.web.ApiPaths.ACTOR_HEADER;
import static io.automark.command.web.ApiPaths.ANONYMOUS;
import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/**
 * The HTTP provider of each channel type of a workspace. {@code PUT} sets it; {@code GET} answers it with the
 * names of its headers only, since their values may be credentials; {@code DELETE} removes it.
 */
@RestController
@RequestMapping(WORKSPACE + "/providers/{type}")
public class ProviderController {

    private static final Logger log = LoggerFactory.getLogger(ProviderController.class);

    private final ProviderSettingsStore providers;
    private final ProviderProperties properties;
    private final Clock clock;

    public ProviderController(ProviderSettingsStore providers, ProviderProperties properties, Clock clock) {
        this.providers = providers;
        this.properties = properties;
        this.clock = clock;
    }

    @PutMapping
    public ProviderView put(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws, @PathVariable String type,
                            @RequestBody ProviderRequest request,
                            @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        ComponentType channel = typeOf(type);
        long timeoutMs = request.timeoutMs() == null ? properties.defaultTimeout().toMillis() : request.timeoutMs();
        List<Problem> problems = ProviderSettings.problemsOf(request.url(), request.headers(),
                request.bodyTemplate(), timeoutMs);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        ProviderSettings settings = new ProviderSettings(channel, request.url(), request.headers(),
                request.bodyTemplate(), Duration.ofMillis(timeoutMs), Source.WORKSPACE);
        providers.save(ws, settings, actor, clock.instant());
        log.info("Provider of {} in workspace [{}] set by [{}]", channel, ws, actor);
        return ProviderView.of(settings);
    }

    @GetMapping
    public ProviderView get(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws, @PathVariable String type) {
        ComponentType channel = typeOf(type);

        return providers.find(ws, channel)
                .map(ProviderView::of)
                .orElseThrow(() -> new NotFoundException("provider of", channel.name()));
    }

    /** Removes the workspace's own provider; the deployment's, if any, applies again. */
    @DeleteMapping
    public ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                       @PathVariable String type,
                                       @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        ComponentType channel = typeOf(type);

        if (!providers.delete(ws, channel)) {
            throw new NotFoundException("provider of", channel.name());
        }
        log.info("Provider of {} in workspace [{}] removed by [{}]", channel, ws, actor);
        return ResponseEntity.noContent().build();
    }

    /** Reads {@code TEXT_SMS} as well as {@code text-sms}. */
    private static ComponentType typeOf(String type) {
        String name = type.toUpperCase(Locale.ROOT).replace('-', '_');
        return HttpProviderChannel.TYPES.stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("type", "must be one of " + HttpProviderChannel.TYPES));
    }

    /**
     * A provider as a client sets it.
     *
     * @param headers   may be null; values may be credentials
     * @param timeoutMs null for {@code automark.providers.default-timeout}
     */
    public record ProviderRequest(String url, Map<String, String> headers, String bodyTemplate, Integer timeoutMs) {

        /** Names the headers, never their values. */
        @Override
        public String toString() {
            return "ProviderRequest[url=" + url + ", headers=" + (headers == null ? "[]" : headers.keySet()) + "]";
        }
    }

    /** A provider as the API shows it: header names, never their values. */
    public record ProviderView(ComponentType type, String url, List<String> headerNames, String bodyTemplate,
                               long timeoutMs, Source source) {

        static ProviderView of(ProviderSettings settings) {
            return new ProviderView(settings.type(), settings.url(), settings.headerNames(), settings.bodyTemplate(),
                    settings.timeout().toMillis(), settings.source());
        }
    }
}
