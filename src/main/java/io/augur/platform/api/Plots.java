package io.augur.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.plot.engine.Figure;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Answers a plot endpoint in the representation the client asked for: SVG ({@value #SVG}, the default) or a
 * Vega-Lite v5 specification with the data inline ({@value #VEGA_LITE}) when the Accept header prefers it.
 * Rendering is string building over the figure's few hundred marks; it runs on the thread that finished the
 * computation (the compute pool), never on the event loop.
 */
@Singleton
public class Plots {

    public static final String SVG = "image/svg+xml";
    public static final String VEGA_LITE = "application/vnd.vegalite+json";
    /** OpenAPI text of the 200 response every plot endpoint declares. */
    public static final String RESPONSE = "The plot: an SVG document (UTF-8 text, declared as bytes so that generated "
            + "clients hand it over unparsed); with Accept: " + VEGA_LITE + " the same plot as a Vega-Lite v5 "
            + "specification with the data inline (JSON), to restyle it";

    private final ObjectMapper json;

    public Plots(ObjectMapper json) {
        this.json = json;
    }

    /** The figure as the Accept header asks: Vega-Lite when it is listed before SVG (or SVG is absent), else SVG. */
    public Response respond(String accept, Figure figure) {
        if (wantsVegaLite(accept)) {
            try {
                return Response.ok(json.writeValueAsString(figure.vegaLite()), VEGA_LITE).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a Vega-Lite spec of maps, lists, strings and numbers always serialises", e);
            }
        }
        return Response.ok(figure.svg(), SVG).build();
    }

    static boolean wantsVegaLite(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        int vega = a.indexOf(VEGA_LITE);
        int svg = a.indexOf(SVG);
        return vega >= 0 && (svg < 0 || vega < svg);
    }
}
