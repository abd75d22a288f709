import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Workload of the JDK AOT cache's training run (aot-train.sh): posts every request example of the running
 * service's OpenAPI document once, so the cache holds the classes and method profiles of every capability's
 * path (parsing, validation, the engines, the response), not only of start-up, and the first request of
 * each capability after a start is faster. Runs in its own JVM (source launcher, the service's Jackson on
 * the class path); the service's answers are counted, not checked: the tests check them.
 *
 * <p>Usage: {@code java -cp '<quarkus-app>/lib/main/*' AotTraining.java http://127.0.0.1:<port>}
 */
public class AotTraining {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode doc = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/openapi?format=json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        int posted = 0;
        int answered = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            if (path.getKey().contains("{")) {
                continue; // needs an identity created first
            }
            JsonNode content = path.getValue().path("post").path("requestBody").path("content");
            for (Map.Entry<String, JsonNode> type : content.properties()) {
                JsonNode example = type.getValue().path("example");
                if (example.isMissingNode()) {
                    Iterator<JsonNode> named = type.getValue().path("examples").elements();
                    example = named.hasNext() ? named.next().path("value") : example;
                }
                if (example.isMissingNode() || type.getKey().startsWith("multipart/")) {
                    continue;
                }
                String body = type.getKey().contains("json") && !type.getKey().contains("ndjson")
                        ? json.writeValueAsString(example) : example.asText();
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + path.getKey()))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", type.getKey())
                        .header("Accept", "*/*").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                posted++;
                if (r.statusCode() < 300) {
                    answered++;
                } else {
                    System.out.printf("AOT training: POST %s (%s) answered %d%n", path.getKey(), type.getKey(),
                            r.statusCode());
                }
            }
        }
        System.out.printf("AOT training: %d request examples posted, %d answered 2xx%n", posted, answered);
    }
}
