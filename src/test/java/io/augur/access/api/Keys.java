package io.augur.access.api;

import static io.restassured.RestAssured.given;

import io.augur.testing.TestKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;

/** Creating keys and workspaces through the API, for the access tests. */
final class Keys {

    private Keys() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new key of the admin key's workspace: {key, id}. */
    static JsonPath create(String adminKey, String body) {
        return given().header(TestKeys.HEADER, adminKey).contentType(ContentType.JSON).body(body)
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath();
    }

    static String key(String adminKey, String role) {
        return create(adminKey, "{\"name\":\"" + unique(role) + "\",\"role\":\"" + role + "\"}").getString("key");
    }

    /** A new workspace's admin key. */
    static String workspace(String name) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/v1/workspaces")
                .then().statusCode(201).extract().jsonPath().getString("adminKey.key");
    }
}
