package io.augur.matrix.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Side information on models (CPP's design factors: log parameters, log tokens, log compute, family)
 * or on benchmarks, as a standardised design matrix: numeric columns become z-scores (a missing value
 * becomes 0, the column mean), a categorical column one indicator per level. A numeric column with a
 * single distinct value is refused: it is collinear with the intercept.
 */
public record ModelFeatures(double[][] columns) {

    /**
     * @param numeric   name -> value per row (NaN = unknown), in row order
     * @param category  one label per row (null = unknown), or null for none
     * @param field     the input field, for error messages (e.g. "modelFeatures")
     */
    public static ModelFeatures of(int rows, Map<String, double[]> numeric, String[] category, String field) {
        List<double[]> cols = new ArrayList<>();
        for (Map.Entry<String, double[]> e : numeric.entrySet()) {
            double[] v = e.getValue();
            if (v.length != rows) {
                throw new InvalidInputException(field + "." + e.getKey(), "has " + v.length + " values for " + rows + " rows");
            }
            double s = 0;
            int n = 0;
            for (double d : v) {
                if (Double.isInfinite(d)) {
                    throw new InvalidInputException(field + "." + e.getKey(), "must be finite");
                }
                if (!Double.isNaN(d)) {
                    s += d;
                    n++;
                }
            }
            if (n == 0) {
                throw new InvalidInputException(field + "." + e.getKey(), "has no known value");
            }
            double mean = s / n;
            double ss = 0;
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    ss += (d - mean) * (d - mean);
                }
            }
            double sd = Math.sqrt(ss / n);
            if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
                throw new InvalidInputException(field + "." + e.getKey(), "is constant (every known value is " + mean
                        + "): collinear with the intercept");
            }
            double[] c = new double[rows];
            for (int i = 0; i < rows; i++) {
                c[i] = Double.isNaN(v[i]) ? 0 : (v[i] - mean) / sd;
            }
            cols.add(c);
        }
        if (category != null) {
            if (category.length != rows) {
                throw new InvalidInputException(field + ".family", "has " + category.length + " values for " + rows + " rows");
            }
            Map<String, double[]> levels = new LinkedHashMap<>();
            for (int i = 0; i < rows; i++) {
                if (category[i] != null && !category[i].isBlank()) {
                    levels.computeIfAbsent(category[i], k -> new double[rows])[i] = 1;
                }
            }
            cols.addAll(levels.values());
        }
        double[][] out = new double[rows][cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            for (int i = 0; i < rows; i++) {
                out[i][j] = cols.get(j)[i];
            }
        }
        return new ModelFeatures(out);
    }

    public int width() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    static ModelFeatures none(int rows) {
        return new ModelFeatures(new double[rows][0]);
    }
}
