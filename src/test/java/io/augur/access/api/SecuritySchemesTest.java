package io.augur.access.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's "the OpenAPI document declares the security schemes, so generated clients send credentials": exactly
 * the two ways in (an API key in the X-API-Key header, an OIDC bearer JWT), required as alternatives for the whole
 * API, and no operation that opts out or names another scheme. The generated clients read these: the Python
 * client's {@code api_key={"apiKey": key}} and the TypeScript {@code apiKey} name the first one.
 */
@QuarkusTest
class SecuritySchemesTest {

    @Test
    void theDocumentDeclaresTheApiKeyAndBearerSchemesForEveryOperation() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/api/openapi").then()
                .statusCode(200).extract().asString());
        JsonNode schemes = doc.path("components").path("securitySchemes");
        List<String> names = new ArrayList<>();
        schemes.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("apiKey", "bearer"), Set.copyOf(names), schemes::toString);
        assertEquals("apiKey", schemes.get("apiKey").get("type").asText());
        assertEquals("header", schemes.get("apiKey").get("in").asText());
        assertEquals("X-API-Key", schemes.get("apiKey").get("name").asText());
        assertEquals("http", schemes.get("bearer").get("type").asText());
        assertEquals("bearer", schemes.get("bearer").get("scheme").asText());
        // either one: two requirement objects, one scheme each
        assertEquals("[{\"apiKey\":[]},{\"bearer\":[]}]", doc.get("security").toString());
        List<String> overriding = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("security")) {
                overriding.add(op.getKey() + " " + path.getKey() + " " + op.getValue().get("security"));
            }
        }));
        assertEquals(List.of(), overriding, () -> "operations overriding the document's security: " + overriding);
    }
}
