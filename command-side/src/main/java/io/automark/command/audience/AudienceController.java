package io.automark.command.audience;

import io.automark.command.audience.AudienceImporter.ImportedAudience;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Uploads audiences: a CSV streamed into the store, or a JSON list of users. */
@RestController
@RequestMapping(WORKSPACE + "/audiences")
public class AudienceController {

    private final AudienceImporter importer;

    public AudienceController(AudienceImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    public ImportedAudience uploadCsv(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                      @RequestParam(defaultValue = "unnamed") @Size(min = 1, max = 200) String name,
                                      HttpServletRequest request) throws IOException {
        return importer.importCsv(ws, name, request.getInputStream());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ImportedAudience uploadJson(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                       @RequestBody @Valid AudienceUpload upload) {
        List<AudienceMember> members = upload.users().stream()
                .map(user -> new AudienceMember(user.userId(), user.attributes(), user.tags()))
                .toList();
        return importer.importUsers(ws, upload.name(), members);
    }

    public record AudienceUpload(@NotBlank @Size(max = 200) String name,
                                 @NotNull @Size(min = 1, max = 100_000) List<@NotNull @Valid User> users) {
    }

    public record User(@NotBlank String userId, Map<@NotBlank String, @NotNull String> attributes,
                       Set<@NotBlank String> tags) {
    }
}
