package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.CFormat;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parsing of trec_eval measure parameters (meas_init.c): long cutoffs (sorted, positive, unique,
 * a value such as "23.4" reads as 23 like strtol), double cutoffs (sorted, unique), ordered double
 * parameters, and name=value pairs; and the value names trec_eval builds from them.
 */
final class Params {

    static final long[] DEFAULT_CUTOFFS = {5, 10, 15, 20, 30, 100, 200, 500, 1000};
    static final double[] RECALL_POINTS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private Params() {
    }

    private static InvalidInputException bad(String measure, String params, String why) {
        return new InvalidInputException("measure " + measure, "bad parameters '" + params + "': " + why);
    }

    static long[] longCutoffs(String measure, String params, long[] defaults) {
        if (params == null) {
            return defaults.clone();
        }
        String[] parts = params.split(",", -1);
        long[] c = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            int j = 0;
            if (j < p.length() && (p.charAt(j) == '-' || p.charAt(j) == '+')) {
                j++;
            }
            int digitsStart = j;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
            if (j == digitsStart) {
                throw bad(measure, params, "'" + parts[i] + "' is not a number");
            }
            c[i] = Long.parseLong(p.substring(0, j));
        }
        Arrays.sort(c);
        if (c[0] <= 0) {
            throw bad(measure, params, "cutoffs must be positive");
        }
        for (int i = 1; i < c.length; i++) {
            if (c[i] == c[i - 1]) {
                throw bad(measure, params, "duplicate cutoff " + c[i]);
            }
        }
        return c;
    }

    static double[] doubleParams(String measure, String params, double[] defaults) {
        if (params == null) {
            return defaults.clone();
        }
        String[] parts = params.split(",", -1);
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(measure, params, "'" + parts[i] + "' is not a number");
            }
        }
        return v;
    }

    static double[] doubleCutoffs(String measure, String params, double[] defaults) {
        double[] c = doubleParams(measure, params, defaults);
        Arrays.sort(c);
        for (int i = 1; i < c.length; i++) {
            if (c[i] == c[i - 1]) {
                throw bad(measure, params, "duplicate cutoff " + c[i]);
            }
        }
        return c;
    }

    /** name=value pairs (e.g. ndcg gains "1=3,2=9" or rbp "p=0.8"). */
    static Gains.Pair[] pairs(String measure, String params) {
        if (params == null) {
            return new Gains.Pair[0];
        }
        String[] parts = params.split(",", -1);
        Gains.Pair[] out = new Gains.Pair[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0 || eq != parts[i].lastIndexOf('=')) {
                throw bad(measure, params, "expected name=value pairs");
            }
            try {
                out[i] = new Gains.Pair(parts[i].substring(0, eq), Double.parseDouble(parts[i].substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw bad(measure, params, "'" + parts[i] + "' has a non-numeric value");
            }
        }
        return out;
    }

    static List<String> longNames(String name, long[] cutoffs) {
        List<String> names = new ArrayList<>(cutoffs.length);
        for (long c : cutoffs) {
            names.add(name + "_" + c);
        }
        return names;
    }

    /** Names as C's "%s_%3.2f". */
    static List<String> doubleNames(String name, double[] cutoffs) {
        List<String> names = new ArrayList<>(cutoffs.length);
        for (double c : cutoffs) {
            names.add(name + "_" + CFormat.fixed(c, 2));
        }
        return names;
    }

    /** A single-valued measure is named name_params when parameters were given on the command line. */
    static List<String> printable(String name, String params) {
        return List.of(params == null ? name : name + "_" + params);
    }
}
