package io.automark.query.template;

import io.automark.query.campaign.FlowJson;
import io.automark.query.web.ResourceId;
import io.automark.query.web.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Saved templates with their flows. */
@RestController
@RequestMapping("/api/v1/workspaces/{ws}/templates")
public class TemplateQueryController {

    private static final Comparator<Template> BY_NAME = Comparator
            .comparing(Template::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Template::id);

    private final MongoTemplate mongo;
    private final FlowJson flows;

    public TemplateQueryController(MongoTemplate mongo, FlowJson flows) {
        this.mongo = mongo;
        this.flows = flows;
    }

    @Operation(summary = "Lists the workspace's templates with their flows, by name ignoring case")
    @GetMapping
    public List<Template> list(@PathVariable @WorkspaceId String ws) {
        Query query = Query.query(Criteria.where("workspaceId").is(ws));

        return mongo.find(query, TemplateView.class).stream()
                .map(this::template)
                .sorted(BY_NAME)
                .toList();
    }

    @Operation(summary = "Reads one template with its flow")
    @GetMapping("/{id}")
    public Template template(@PathVariable @WorkspaceId String ws, @PathVariable @ResourceId String id) {
        return Optional.ofNullable(mongo.findById(id, TemplateView.class))
                .filter(template -> ws.equals(template.workspaceId()))
                .map(this::template)
                .orElseThrow(() -> new TemplateNotFound(ws, id));
    }

    private Template template(TemplateView view) {
        return new Template(view.id(), view.name(), flows.read(view.flowJson()), view.savedAt());
    }
}
