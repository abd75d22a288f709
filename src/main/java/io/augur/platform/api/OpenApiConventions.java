package io.augur.platform.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * Shapes the OpenAPI document so that client generators take it as it is, in one place instead of on
 * every record and resource (runs once, at build time):
 * <ul>
 * <li>{@code info.version} is the project's version and {@code servers} names the default address;</li>
 * <li>responses are listed successes first, then errors by status, so a generator that takes the first
 * response's media type as its Accept header asks for the success type;</li>
 * <li>a {@code $ref} keeps no sibling keyword but its {@code description} (a sibling {@code type} makes
 * generators drop the reference); the 3.0.3 document (application.properties) writes a described
 * reference as {@code allOf: [$ref]} beside the description, so no $ref has a sibling;</li>
 * <li>scalar component schemas ({@code LocalDate}, {@code OffsetDateTime}) are inlined as
 * {@code string} with their format, since generators reserve those names;</li>
 * <li>the generic {@link Page} is named per resource ({@code ModelPage}, {@code EvaluationPage}, ...),
 * and the unused raw {@code Page} is dropped;</li>
 * <li>request-body examples of structured bodies (JSON objects and arrays) move off the media type, where the
 * Java generator tries to turn them into code and cannot ("Ignoring complex example on request body"): the
 * first becomes the body schema's {@code example} (what Swagger UI shows and pastes), and every one is kept,
 * named {@code <operationId>.<name>}, under {@code components/examples}. Text bodies (CSV, JSON Lines) keep
 * theirs on the media type;</li>
 * <li>a bare {@code type: object} (no properties, such as a job's result, the named operation's response) is
 * written {@code additionalProperties: true}, a free-form object every generator types as a map;</li>
 * <li>{@code required} on response schemas. The rule, applied to every record schema reached only from
 * responses: a component is required when it can never be absent from the JSON, that is when its
 * type is primitive or when it is declared non-null ({@code @NotNull}, or {@code @Schema(required = true)},
 * which SmallRye already honours everywhere). Request schemas are left alone: there {@code required} is
 * what a client must send, which the records' validation annotations state.</li>
 * </ul>
 * operationIds follow one style, a verb then the noun it acts on ({@code createModel}, {@code fitForecast});
 * {@link #OPERATION_ID} is the rule, and a document breaking it fails the build.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    /** verbNoun: a lower-case verb from this list, then one or more capitalised words. */
    public static final Pattern OPERATION_ID = Pattern.compile(
            "(list|get|create|replace|delete|import|append|fit|predict|backtest|plot|compute|find|forecast"
                    + "|evaluate|compare|revoke)([A-Z][a-z0-9]*)+");

    static final String SCHEMAS = "#/components/schemas/";
    private static final DotName SCHEMA_ANNOTATION = DotName.createSimple(
            "org.eclipse.microprofile.openapi.annotations.media.Schema");
    private static final DotName NOT_NULL = DotName.createSimple("jakarta.validation.constraints.NotNull");

    private final IndexView index;

    public OpenApiConventions(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        String version = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class)
                .orElse(api.getInfo().getVersion());
        api.getInfo().setVersion(version);
        api.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("http://localhost:8080")
                .description("Augur on its default port; point the client at your deployment's address"))));
        Map<String, Schema> schemas = api.getComponents() == null ? Map.of() : api.getComponents().getSchemas();
        inlineScalars(api, schemas);
        namePages(api);
        forEachSchema(api, OpenApiConventions::dropRefSiblings);
        forEachSchema(api, OpenApiConventions::freeFormObject);
        relocateRequestExamples(api);
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
                authResponses(op.getValue());
                orderResponses(op.getValue());
                String id = op.getValue().getOperationId();
                if (id == null || !OPERATION_ID.matcher(id).matches()) {
                    throw new IllegalStateException("operationId " + id + " of " + op.getKey()
                            + " is not verbNoun (" + OPERATION_ID.pattern() + ")");
                }
            }
        }
        markRequired(api);
    }

    /**
     * Every operation may answer 401 (no or a wrong credential, with WWW-Authenticate), 403 (the role is too
     * small) and 429 (the caller's rate limit or computation quota, with Retry-After): problems, listed once here.
     */
    static void authResponses(Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("401", "No API key or bearer token, or not a valid one (see WWW-Authenticate)");
        statuses.put("403", "The caller's role does not allow this operation");
        statuses.put("429", "Too many requests or computations for this caller; retry after Retry-After seconds");
        statuses.forEach((code, description) -> {
            if (op.getResponses().getAPIResponse(code) == null) {
                op.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + "Problem")))));
            }
        });
    }

    /** Successes first (by code), then the errors (by code), then default. */
    static void orderResponses(Operation op) {
        APIResponses responses = op.getResponses();
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        Map<String, APIResponse> sorted = new TreeMap<>((a, b) -> rank(a).compareTo(rank(b)));
        sorted.putAll(responses.getAPIResponses());
        APIResponses ordered = OASFactory.createAPIResponses();
        sorted.forEach(ordered::addAPIResponse);
        ordered.setExtensions(responses.getExtensions());
        op.setResponses(ordered);
    }

    private static String rank(String code) {
        return (code.startsWith("2") ? "0" : code.equals("default") ? "2" : "1") + code;
    }

    /** A $ref keeps only its description. */
    static void dropRefSiblings(Schema s) {
        if (s.getRef() == null || s.getAll().size() <= 1) {
            return;
        }
        String ref = s.getRef();
        String description = s.getDescription();
        Map<String, Object> only = new LinkedHashMap<>();
        only.put("$ref", ref);
        if (description != null) {
            only.put("description", description);
        }
        s.setAll(only);
    }

    /** A bare {@code type: object} becomes an explicit free-form object. */
    static void freeFormObject(Schema s) {
        if (s.getRef() == null && s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.OBJECT))
                && (s.getProperties() == null || s.getProperties().isEmpty())
                && s.getAdditionalPropertiesSchema() == null && s.getAdditionalPropertiesBoolean() == null
                && s.getAllOf() == null && s.getAnyOf() == null && s.getOneOf() == null) {
            s.setAdditionalPropertiesBoolean(Boolean.TRUE);
        }
    }

    /** See the class comment: structured request-body examples move to the schema and to components/examples. */
    private static void relocateRequestExamples(OpenAPI api) {
        Components components = api.getComponents();
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() == null || op.getRequestBody().getContent() == null
                        || op.getRequestBody().getContent().getMediaTypes() == null) {
                    continue;
                }
                for (MediaType media : op.getRequestBody().getContent().getMediaTypes().values()) {
                    Schema body = media.getSchema();
                    if (body == null || (body.getRef() == null && body.getType() != null
                            && body.getType().equals(List.of(Schema.SchemaType.STRING)))) {
                        continue; // text: the generators take a string example as it is
                    }
                    Map<String, Example> named = new LinkedHashMap<>();
                    if (media.getExample() != null) {
                        named.put("example", OASFactory.createExample().value(media.getExample()));
                    }
                    if (media.getExamples() != null) {
                        named.putAll(media.getExamples());
                    }
                    if (named.isEmpty()) {
                        continue;
                    }
                    Schema target = body.getRef() != null && body.getRef().startsWith(SCHEMAS)
                            ? components.getSchemas().get(body.getRef().substring(SCHEMAS.length())) : body;
                    if (target != null && target.getExample() == null) {
                        target.setExample(named.values().iterator().next().getValue());
                    }
                    named.forEach((name, example) -> {
                        if (example.getSummary() == null) {
                            example.setSummary(name);
                        }
                        components.addExample(op.getOperationId() + "." + exampleKey(name), example);
                    });
                    media.setExample(null);
                    media.setExamples(null);
                }
            }
        }
    }

    /** An example's name as a component key ({@code ^[a-zA-Z0-9.\-_]+$}): other characters become dashes. */
    static String exampleKey(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** Replaces references to component schemas that are a bare scalar type by the scalar itself. */
    private static void inlineScalars(OpenAPI api, Map<String, Schema> schemas) {
        Map<String, Schema> scalars = new HashMap<>();
        schemas.forEach((name, s) -> {
            if (s.getType() != null && s.getType().size() == 1 && s.getType().getFirst() != Schema.SchemaType.OBJECT
                    && s.getType().getFirst() != Schema.SchemaType.ARRAY && s.getEnumeration() == null
                    && s.getProperties() == null) {
                scalars.put(SCHEMAS + name, s);
            }
        });
        if (scalars.isEmpty()) {
            return;
        }
        forEachSchema(api, s -> {
            Schema scalar = s.getRef() == null ? null : scalars.get(s.getRef());
            if (scalar != null) {
                Map<String, Object> merged = new LinkedHashMap<>(s.getAll());
                merged.remove("$ref");
                merged.remove("type");
                merged.put("type", scalar.getType());
                if (scalar.getFormat() != null) {
                    merged.put("format", scalar.getFormat());
                }
                s.setAll(merged);
            }
        });
        scalars.keySet().forEach(ref -> api.getComponents().removeSchema(ref.substring(SCHEMAS.length())));
    }

    /** SmallRye names the instances of Page&lt;T&gt; Page1, Page2, ...: name each after its items. */
    private static void namePages(OpenAPI api) {
        Components components = api.getComponents();
        Map<String, String> renamed = new HashMap<>();
        for (String name : List.copyOf(components.getSchemas().keySet())) {
            if (!name.matches("Page\\d*")) {
                continue;
            }
            Schema page = components.getSchemas().get(name);
            Schema items = page.getProperties() == null ? null : page.getProperties().get("items");
            String itemRef = items == null || items.getItems() == null ? null : items.getItems().getRef();
            components.removeSchema(name);
            if (itemRef != null) {
                String pageName = itemRef.substring(SCHEMAS.length()) + "Page";
                page.setDescription("One page of " + itemRef.substring(SCHEMAS.length())
                        + " items; pass nextCursor as ?cursor= for the next one");
                page.addRequired("items");
                components.addSchema(pageName, page);
                renamed.put(SCHEMAS + name, SCHEMAS + pageName);
            }
        }
        forEachSchema(api, s -> {
            if (s.getRef() != null && renamed.containsKey(s.getRef())) {
                s.setRef(renamed.get(s.getRef()));
            }
        });
    }

    /** See the class comment for the rule. */
    private void markRequired(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> fromRequests = new HashSet<>();
        Set<String> fromResponses = new HashSet<>();
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() != null) {
                    reach(op.getRequestBody().getContent(), schemas, fromRequests);
                }
                if (op.getParameters() != null) {
                    for (Parameter p : op.getParameters()) {
                        reach(p.getSchema(), schemas, fromRequests);
                    }
                }
                for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                    reach(r.getContent(), schemas, fromResponses);
                }
            }
        }
        // schema name -> record: an explicit @Schema(name) wins over a simple class name (engines have
        // records such as Identifiability.Problem that never reach the document)
        Map<String, ClassInfo> records = new HashMap<>();
        Map<String, ClassInfo> bySimpleName = new HashMap<>();
        for (ClassInfo c : index.getKnownClasses()) {
            if (c.isRecord() && c.name().toString().startsWith("io.augur.") && !c.name().toString().contains(".engine.")) {
                AnnotationInstance named = c.declaredAnnotation(SCHEMA_ANNOTATION);
                if (named != null && named.value("name") != null) {
                    records.put(named.value("name").asString(), c);
                } else {
                    bySimpleName.put(c.simpleName(), c);
                }
            }
        }
        bySimpleName.forEach(records::putIfAbsent);
        for (String name : fromResponses) {
            ClassInfo record = records.get(name);
            Schema schema = schemas.get(name);
            if (record == null || fromRequests.contains(name) || schema.getProperties() == null) {
                continue;
            }
            for (RecordComponentInfo component : record.recordComponents()) {
                boolean present = component.type().kind() == Type.Kind.PRIMITIVE || component.hasAnnotation(NOT_NULL);
                if (present && schema.getProperties().containsKey(component.name())
                        && (schema.getRequired() == null || !schema.getRequired().contains(component.name()))) {
                    schema.addRequired(component.name());
                }
            }
        }
    }

    private static void reach(Content content, Map<String, Schema> schemas, Set<String> seen) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType m : content.getMediaTypes().values()) {
            reach(m.getSchema(), schemas, seen);
        }
    }

    private static void reach(Schema root, Map<String, Schema> schemas, Set<String> seen) {
        walk(root, s -> {
            if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
                String name = s.getRef().substring(SCHEMAS.length());
                if (seen.add(name) && schemas.containsKey(name)) {
                    reach(schemas.get(name), schemas, seen);
                }
            }
        });
    }

    /** Visits every schema of the document, nested ones included. */
    static void forEachSchema(OpenAPI api, Consumer<Schema> visit) {
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(s -> walk(s, visit));
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> walk(p.getSchema(), visit));
                }
                if (op.getRequestBody() != null) {
                    walkContent(op.getRequestBody().getContent(), visit);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> walkContent(r.getContent(), visit));
                }
            }
        }
    }

    private static void walkContent(Content content, Consumer<Schema> visit) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> walk(m.getSchema(), visit));
        }
    }

    private static void walk(Schema s, Consumer<Schema> visit) {
        if (s == null) {
            return;
        }
        visit.accept(s);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> walk(p, visit));
        }
        walk(s.getItems(), visit);
        walk(s.getAdditionalPropertiesSchema(), visit);
        walk(s.getNot(), visit);
        for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (list != null) {
                list.forEach(x -> walk(x, visit));
            }
        }
    }
}
