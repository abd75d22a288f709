package io.augur.platform.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's head: what the API is and how its operations are grouped. */
@OpenAPIDefinition(
        info = @Info(title = "Augur API", version = "0.1.0-SNAPSHOT",
                description = "Forecasts and ranks the performance of machine-learning models. Every estimate carries "
                        + "its uncertainty and the seed that reproduces it; every error is an RFC 9457 problem.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
                @Tag(name = "models", description = "The models that were evaluated"),
                @Tag(name = "benchmarks", description = "The benchmarks (tasks) models are evaluated on"),
                @Tag(name = "evaluations", description = "Measured values of models on benchmarks") })
public class AugurApplication extends Application {
}
