package io.augur.plot.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Vega-Lite v5 specifications as plain maps and lists (serialised to JSON by the api ring), with
 * the data inline, so users can restyle a plot in the Vega editor. Non-finite numbers become null (JSON has
 * no NaN).
 */
public final class VegaLite {

    public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

    private VegaLite() {
    }

    /** A map from alternating keys and values, keeping their order. */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof Double d && !Double.isFinite(d) ? null : kv[i + 1]);
        }
        return m;
    }

    public static List<Object> arr(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** The top level: schema, title with the caption as subtitle, inline data, and the rest of the spec. */
    public static Map<String, Object> top(String title, String caption, List<Map<String, Object>> values, Map<String, Object> rest) {
        Map<String, Object> m = obj("$schema", SCHEMA, "title", obj("text", title, "subtitle", caption),
                "data", obj("values", values));
        m.putAll(rest);
        return m;
    }

    /** A finite number or null. */
    public static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
