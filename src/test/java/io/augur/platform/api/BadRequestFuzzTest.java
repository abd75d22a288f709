package io.augur.platform.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing over the served OpenAPI document (issue 8, "Done when"): for every operation,
 * seeded bad requests derived from the operation's own examples and schemas (one field mutated to a wrong
 * type, null, NUL or an unpaired surrogate, a huge or negative number, a long string, deep nesting;
 * required fields removed, unknown fields added; malformed JSON; wrong content types; bad path ids and
 * query parameters). Properties: no answer is a 5xx other than a 503 problem; every 4xx is
 * application/problem+json whose status matches, naming a field when one field was to blame; nothing is
 * half-written (stored rows change only by what 2xx answers report). The seed is logged
 * ({@code -Daugur.fuzz.seed=...} replays a run); the summary counts answers per status.
 */
@QuarkusTest
@TestProfile(BadRequestFuzzTest.ShortBudget.class)
class BadRequestFuzzTest {

    private static final Logger LOG = Logger.getLogger(BadRequestFuzzTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Requests per operation; about 40 operations make 10,000+ requests. */
    private static final int PER_OPERATION = Integer.getInteger("augur.fuzz.per-operation", 260);

    /** A compute budget short enough that a mutated but valid expensive request ends in bounded time. */
    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("augur.compute.time-budget", "10S");
        }
    }

    @TestHTTPResource("/")
    URL base;

    /** One operation of the document, with what the generator needs of it. */
    record Operation(String method, String path, String id, List<JsonNode> pathParameters,
            List<JsonNode> queryParameters, Map<String, JsonNode> bodies, JsonNode document) {
    }

    /** One generated request and whether a single field is to blame when it fails. */
    record Generated(String method, String uri, String contentType, byte[] body, String mutation, boolean fieldToBlame) {
    }

    @Test
    void badRequestsNeverGet5xxAndAlwaysGetProblems() throws Exception {
        long seed = Long.getLong("augur.fuzz.seed", System.nanoTime());
        LOG.infof("BadRequestFuzzTest seed %d (replay with -Daugur.fuzz.seed=%d)", seed, seed);
        JsonNode document = JSON.readTree(given().queryParam("format", "json").get("/api/openapi").then()
                .statusCode(200).extract().asString());
        List<Operation> operations = operations(document);
        assertTrue(operations.size() >= 30, "operations found: " + operations.size());

        // stored resources the operations' examples and path ids refer to, so mutations reach past the 404
        Map<String, String> existing = new ConcurrentHashMap<>();
        existing.put("models", idOf("/api/v1/models", "{\"name\":\"pythia-1.4b\"}", "pythia-1.4b"));
        existing.put("benchmarks", idOf("/api/v1/benchmarks", "{\"name\":\"arc-challenge\",\"metric\":\"accuracy\"}",
                "arc-challenge"));
        existing.put("arenas", given().contentType("application/json").body("{\"name\":\"fuzz-arena-" + seed + "\"}")
                .post("/api/v1/arenas").then().statusCode(201).extract().jsonPath().getString("id"));
        EXISTING.putAll(existing);
        Map<String, Long> before = storedCounts();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicLong> perStatus = new ConcurrentHashMap<>();
        Map<String, AtomicLong> created = new ConcurrentHashMap<>();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong inserted = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int o = 0; o < operations.size(); o++) {
                Operation op = operations.get(o);
                SplittableRandom random = new SplittableRandom(seed + 1_000_003L * o);
                futures.add(workers.submit(() -> {
                    for (int i = 0; i < PER_OPERATION; i++) {
                        Generated g = generate(op, random);
                        HttpResponse<String> response;
                        try {
                            response = client.send(request(g), HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            violations.add(describe(g) + " -> no answer: " + e);
                            continue;
                        }
                        sent.incrementAndGet();
                        perStatus.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        String problem = check(g, response);
                        if (problem != null) {
                            violations.add(describe(g) + " -> " + response.statusCode() + " " + problem);
                        }
                        if (response.statusCode() == 201) {
                            // a batch creation (createModels, createBenchmarks) answers the array it created
                            JsonNode createdBody = readTree(response.body());
                            created.computeIfAbsent(collection(op.path()), k -> new AtomicLong())
                                    .addAndGet(createdBody.isArray() ? createdBody.size() : 1);
                        }
                        if (response.statusCode() == 200 && op.id().startsWith("importEvaluations")
                                || response.statusCode() == 200 && op.path().startsWith("/api/v1/evaluations/imports/")) {
                            JsonNode imported = readTree(response.body());
                            inserted.addAndGet(imported.path("inserted").asLong());
                            created.computeIfAbsent("models", k -> new AtomicLong())
                                    .addAndGet(imported.path("modelsCreated").asLong());
                            created.computeIfAbsent("benchmarks", k -> new AtomicLong())
                                    .addAndGet(imported.path("benchmarksCreated").asLong());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
        Map<String, Long> after = storedCounts();
        Map<Integer, Long> summary = new TreeMap<>();
        perStatus.forEach((status, n) -> summary.put(status, n.get()));
        LOG.infof("BadRequestFuzzTest seed %d: %d requests over %d operations; answers per status %s; created %s;"
                + " evaluations inserted %d; %d violations", seed, sent.get(), operations.size(), summary, created,
                inserted.get(), violations.size());
        violations.stream().limit(40).forEach(v -> LOG.warn("fuzz violation: " + v));

        assertTrue(sent.get() >= 10_000, "requests sent: " + sent.get());
        assertTrue(violations.isEmpty(), violations.size() + " violations (seed " + seed + "), first: "
                + violations.subList(0, Math.min(10, violations.size())));
        for (String collection : List.of("models", "benchmarks", "arenas")) {
            assertEquals(before.get(collection) + created.getOrDefault(collection, new AtomicLong()).get(),
                    after.get(collection), collection + ": rows changed by more than the 201 answers (seed " + seed + ")");
        }
        assertEquals(before.get("evaluations") + inserted.get(), after.get("evaluations"),
                "evaluations: rows changed by more than the imports reported (seed " + seed + ")");
    }

    // ---- properties ----

    /** Null when the answer meets the properties, else what is wrong with it. */
    private static String check(Generated g, HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500 && status != 503) {
            return "server error: " + abbreviate(response.body());
        }
        if (status < 400) {
            return null;
        }
        if (!type.startsWith("application/problem+json")) {
            return "error without problem+json (Content-Type '" + type + "'): " + abbreviate(response.body());
        }
        JsonNode problem = readTree(response.body());
        if (problem == null || problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
            return "problem body does not match the status: " + abbreviate(response.body());
        }
        if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
            return "503 without Retry-After";
        }
        if (status == 400 && g.fieldToBlame() && !problem.hasNonNull("field")) {
            return "400 naming no field: " + abbreviate(response.body());
        }
        return null;
    }

    // ---- the document ----

    private static List<Operation> operations(JsonNode document) {
        List<Operation> out = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            String method = m.getKey().toUpperCase();
            if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                return;
            }
            JsonNode op = m.getValue();
            List<JsonNode> pathParameters = new ArrayList<>();
            List<JsonNode> queryParameters = new ArrayList<>();
            for (JsonNode p : op.path("parameters")) {
                JsonNode resolved = resolve(document, p);
                if ("path".equals(resolved.path("in").asText())) {
                    pathParameters.add(resolved);
                } else if ("query".equals(resolved.path("in").asText())) {
                    queryParameters.add(resolved);
                }
            }
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            resolve(document, op.path("requestBody")).path("content").fields()
                    .forEachRemaining(c -> bodies.put(c.getKey(), c.getValue()));
            out.add(new Operation(method, path.getKey(), op.path("operationId").asText(method + path.getKey()),
                    pathParameters, queryParameters, bodies, document));
        }));
        return out;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 10; hops++) {
            String ref = node.get("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node == null ? NODES.missingNode() : node;
    }

    // ---- the generator ----

    private static Generated generate(Operation op, SplittableRandom random) {
        Map<String, String> query = new LinkedHashMap<>();
        String path = op.path();
        boolean pathMutated = false;
        for (JsonNode p : op.pathParameters()) {
            String name = p.path("name").asText();
            String stored = EXISTING.get(collection(op.path()));
            int choice = random.nextInt(4);
            String value = choice == 0 ? pick(random, BAD_IDS)
                    : choice == 1 || stored == null || op.method().equals("DELETE")
                            ? Long.toString(9_000_000_000L + random.nextInt(1000)) : stored;
            pathMutated |= choice == 0;
            path = path.replace("{" + name + "}", value);
        }
        String contentType = null;
        byte[] body = null;
        String mutation;
        boolean fieldToBlame = false;
        int kind = random.nextInt(10);
        if (!op.queryParameters().isEmpty() && (kind < 2 || op.bodies().isEmpty() && kind < 7)) {
            JsonNode p = op.queryParameters().get(random.nextInt(op.queryParameters().size()));
            String value = pick(random, BAD_QUERY_VALUES);
            if (value.equals("<long>")) {
                value = "q".repeat(2000 + random.nextInt(4000));
            }
            query.put(p.path("name").asText(), value);
            mutation = "query " + p.path("name").asText() + "=" + abbreviate(value);
            fieldToBlame = !pathMutated;
        } else if (op.bodies().isEmpty()) {
            mutation = pathMutated ? "path id" : "no body expected; sent one";
            if (!pathMutated) {
                contentType = "application/json";
                body = "{\"unexpected\": true}".getBytes(StandardCharsets.UTF_8);
            }
        } else {
            List<String> types = new ArrayList<>(op.bodies().keySet());
            String declared = types.get(random.nextInt(types.size()));
            if (kind == 2) {
                contentType = pick(random, BAD_CONTENT_TYPES);
                body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
                mutation = "content type " + contentType;
            } else if (declared.startsWith("multipart/")) {
                String boundary = "B" + random.nextInt(1000);
                contentType = "multipart/form-data; boundary=" + boundary;
                String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"qrels\"; filename=\"q\"\r\n\r\nq1 0 d1 1\r\n";
                body = switch (random.nextInt(4)) {
                    case 0 -> part.getBytes(StandardCharsets.UTF_8); // truncated
                    case 1 -> ("--X" + boundary + "\r\n\r\nx\r\n--X" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
                    case 2 -> (part + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8); // run missing
                    default -> new byte[0];
                };
                mutation = "multipart";
            } else if (declared.equals("text/csv")) {
                contentType = declared;
                body = pick(random, BAD_CSV).getBytes(StandardCharsets.UTF_8);
                mutation = "csv";
                fieldToBlame = true;
            } else {
                contentType = declared;
                JsonNode example = example(op.document(), op.id(), op.bodies().get(declared), random);
                Mutated m = mutate(op.document(), example, op.bodies().get(declared).path("schema"), random);
                mutation = m.description();
                fieldToBlame = m.fieldToBlame() && !pathMutated;
                body = m.text().getBytes(StandardCharsets.UTF_8);
            }
        }
        StringBuilder uri = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            uri.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return new Generated(op.method(), uri.toString(), contentType, body, op.id() + ": " + mutation, fieldToBlame);
    }

    private static final String[] BAD_IDS = { "abc", "-1", "0", "99999999999999999999", "1e3", "%00", "%20", "9.5" };
    private static final String[] BAD_QUERY_VALUES = { "abc", "-5", "0", "1e99", "\u0000", "x\u0000", "", "<long>",
            "99999999999999999999", "-99999999999999999999", "NaN", "true", "\ud800" };
    private static final String[] BAD_CONTENT_TYPES = { "garbage", "text/plain", "application/xml",
            "multipart/form-data", "application/json; charset=bogus-7", "application/x-www-form-urlencoded", ";;;",
            "image/png" };
    private static final String[] BAD_CSV = { "", "\n\n", "model,benchmark,value\nm\u0000,b,1\n",
            "model,benchmark\nm,b\n", "model,benchmark,value\nm,b,abc\n", "model,benchmark,value,value\nm,b,1,2\n",
            "a\u0000,b\n1,2\n", "model,benchmark,value\n\"unterminated,b,1\n", "model,benchmark,value\nm,b,1e999\n",
            "model,benchmark,value,seed\nm,b,1,99999999999999999999\n", "model,benchmark,value\nm,b\n" };

    /**
     * A body the operation documents as working (its examples: on the media type, or under components/examples
     * named operationId.name as OpenApiConventions keeps the JSON ones), or one built from its schema.
     */
    private static JsonNode example(JsonNode document, String operationId, JsonNode content, SplittableRandom random) {
        List<JsonNode> examples = new ArrayList<>();
        content.path("examples").forEach(e -> examples.add(resolve(document, e).path("value")));
        document.path("components").path("examples").properties().forEach(e -> {
            if (e.getKey().startsWith(operationId + ".")) {
                examples.add(e.getValue().path("value"));
            }
        });
        if (content.has("example")) {
            examples.add(content.get("example"));
        }
        examples.removeIf(JsonNode::isMissingNode);
        JsonNode chosen = examples.isEmpty() ? fromSchema(document, content.path("schema"), 0)
                : examples.get(random.nextInt(examples.size()));
        if (chosen.isTextual()) {
            JsonNode parsed = readTree(chosen.asText());
            chosen = parsed != null ? parsed : chosen;
        }
        return chosen.deepCopy();
    }

    private static JsonNode fromSchema(JsonNode document, JsonNode schema, int depth) {
        schema = resolve(document, schema);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (depth > 4) {
            return NODES.nullNode();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), fromSchema(document, p.getValue(), depth + 1)));
                yield o;
            }
            case "array" -> NODES.arrayNode().add(fromSchema(document, schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode("x");
        };
    }

    record Mutated(String text, String description, boolean fieldToBlame) {
    }

    /** One mutation of {@code body}: a field's value replaced or removed, a field added, or the whole body broken. */
    private static Mutated mutate(JsonNode document, JsonNode body, JsonNode schema, SplittableRandom random) {
        int kind = random.nextInt(12);
        if (kind == 0) {
            String text = body.toString();
            int cut = text.isEmpty() ? 0 : random.nextInt(Math.max(1, text.length() - 1));
            return new Mutated(text.substring(0, cut), "truncated JSON", false);
        }
        if (kind == 1) {
            String[] wrong = { "[]", "\"text\"", "123", "null", "{}", "true", "[{}]", "{\"a\":" };
            String w = pick(random, wrong);
            return new Mutated(w, "whole body " + w, false);
        }
        List<String> paths = new ArrayList<>();
        collectPaths(body, "", paths, 0);
        if (paths.isEmpty()) {
            return new Mutated("{\"unknownField\":1}", "unknown field on empty body", true);
        }
        String target = paths.get(random.nextInt(paths.size()));
        JsonNode copy = body.deepCopy();
        JsonNode parent = parentOf(copy, target);
        String last = target.substring(target.lastIndexOf('/') + 1);
        if (kind == 2 && parent instanceof ObjectNode o) {
            o.remove(last);
            return new Mutated(copy.toString(), "removed " + target, false);
        }
        if (kind == 3 && parent instanceof ObjectNode o) {
            o.put("unknownField" + random.nextInt(100), 1);
            return new Mutated(copy.toString(), "unknown field next to " + target, true);
        }
        JsonNode value = badValue(random);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        } else {
            copy = value;
        }
        String text = copy.toString();
        // a NUL inside JSON must be escaped; Jackson writes \u0000, which is what a client sends
        return new Mutated(text, target + " := " + abbreviate(value.toString()), !value.isNull() || parent instanceof ObjectNode);
    }

    private static JsonNode badValue(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("\u0000");
            case 2 -> NODES.textNode("a\u0000b");
            case 3 -> NODES.textNode("x".repeat(10_000 + random.nextInt(10_000)));
            case 4 -> NODES.numberNode(-1);
            case 5 -> NODES.numberNode(1e308);
            case 6 -> NODES.numberNode(new java.math.BigInteger("99999999999999999999999"));
            case 7 -> NODES.numberNode(2147483648L);
            case 8 -> NODES.booleanNode(true);
            case 9 -> NODES.textNode("\ud800");
            case 10 -> {
                JsonNode nested = NODES.numberNode(1);
                for (int d = 0; d < 64; d++) {
                    nested = NODES.arrayNode().add(nested);
                }
                yield nested;
            }
            case 11 -> NODES.objectNode().put("a", 1);
            case 12 -> NODES.numberNode(-9.5e18);
            case 13 -> NODES.textNode("NaN");
            case 14 -> NODES.numberNode(0);
            default -> NODES.textNode("");
        };
    }

    /** JSON Pointer paths of every node below the root (depth-limited). */
    private static void collectPaths(JsonNode node, String path, List<String> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String p = path + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
                out.add(p);
                collectPaths(f.getValue(), p, out, depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 3); i++) {
                String p = path + "/" + i;
                out.add(p);
                collectPaths(node.get(i), p, out, depth + 1);
            }
        }
    }

    private static JsonNode parentOf(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? root : root.at(pointer.substring(0, slash));
    }

    // ---- plumbing ----

    private HttpRequest request(Generated g) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + g.uri()))
                .header(io.augur.testing.TestKeys.HEADER, io.augur.testing.TestKeys.ADMIN)
                .timeout(Duration.ofSeconds(60));
        if (g.contentType() != null) {
            b.header("Content-Type", g.contentType());
        }
        HttpRequest.BodyPublisher body = g.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(g.body());
        return b.method(g.method(), body).build();
    }

    /** Ids of the stored resources path parameters point at (DELETE never does: it would remove them). */
    private static final Map<String, String> EXISTING = new ConcurrentHashMap<>();

    /** The id of the resource named {@code name}, created when absent. */
    private static String idOf(String collection, String body, String name) {
        var found = given().queryParam("name", name).get(collection).then().statusCode(200).extract().jsonPath();
        if (!found.getList("items").isEmpty()) {
            return found.getString("items[0].id");
        }
        return given().contentType("application/json").body(body).post(collection).then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    /** Stored rows per collection, read page by page through the API. */
    private static Map<String, Long> storedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : List.of("models", "benchmarks", "arenas", "evaluations")) {
            long n = 0;
            String cursor = null;
            do {
                var request = given().queryParam("limit", 1000);
                if (cursor != null) {
                    request = request.queryParam("cursor", cursor);
                }
                var page = request.get("/api/v1/" + collection).then().statusCode(200).extract().jsonPath();
                n += page.getList("items").size();
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            counts.put(collection, n);
        }
        return counts;
    }

    private static String collection(String path) {
        String rest = path.substring("/api/v1/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String describe(Generated g) {
        return g.mutation() + " [" + g.method() + " " + abbreviate(g.uri()) + (g.contentType() == null ? "" : " " + g.contentType()) + "]";
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        String printable = s.replace("\u0000", "\\u0000");
        return printable.length() <= 300 ? printable : printable.substring(0, 300) + "...(" + s.length() + " chars)";
    }
}
