/**
 * Server-side plots shared by every capability: a small SVG writer ({@link io.augur.plot.engine.Svg}) and
 * figure types (intervals per category, heatmaps, lines with bands, points with error bars), each rendering as
 * SVG and as a Vega-Lite v5 specification. Pure Java (engine ring): no AWT, native-image friendly.
 */
package io.augur.plot.engine;
