package io.augur.plot.engine;

import java.util.Map;

/** A plot that renders itself as an SVG document and as a Vega-Lite v5 specification with the data inline. */
public interface Figure {

    String svg();

    Map<String, Object> vegaLite();
}
