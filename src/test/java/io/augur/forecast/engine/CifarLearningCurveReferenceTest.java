package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * 265 real CIFAR-10 CNN validation-error curves (40 epochs, ../shared/data/curves): forecast epoch 40 from
 * the first 5, 10 and 20 epochs. Floors: the stacked ensemble is not worse than the best single family at
 * any prefix, both with the shipped weights and with weights re-learned by 5-fold cross-validation across
 * curves (so the weights are not judged on the curves they were tuned on); 95% intervals cover at least 90%
 * and never leave [0, 1]; janoschek alone forecasts every curve. The shipped weights must be the optimum
 * of the stacking problem on all curves (re-learned here).
 */
class CifarLearningCurveReferenceTest {

    static final int[] PREFIXES = {5, 10, 20};

    static List<double[]> curves() throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<double[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("curves/cifar10_cnn_validation_error_curves.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode lc = om.readTree(line).get("learning_curve");
            double[] c = new double[lc.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = lc.get(i).asDouble();
            }
            out.add(c);
        }
        return out;
    }

    @Test
    void stackedEnsembleMeetsTheFloorsAtEveryPrefix() throws IOException {
        List<double[]> curves = curves();
        assertEquals(265, curves.size());
        int n = curves.size();
        int fams = LearningCurveForms.ALL.size();
        StringBuilder table = new StringBuilder(
                "| epochs seen | MSE ensemble | MSE ensemble, 5-fold CV weights | best single family | MSE pow3 | MSE last value | 95% coverage | intervals outside [0, 1] | median width |\n");
        for (int r = 0; r < PREFIXES.length; r++) {
            int prefix = PREFIXES[r];
            assertEquals(r, LearningCurveEnsemble.regime(prefix));
            double[] truth = new double[n];
            double[][] x = new double[n][fams];
            double ens = 0;
            double last = 0;
            int covered = 0;
            int outside = 0;
            double[] widths = new double[n];
            for (int i = 0; i < n; i++) {
                double[] c = curves.get(i);
                truth[i] = c[39];
                EnsembleForecast f = LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(Arrays.copyOf(c, prefix), 40, true));
                ens += sq(f.value() - truth[i]);
                last += sq(f.lastValue() - truth[i]);
                covered += f.interval().contains(truth[i]) ? 1 : 0;
                outside += f.interval().lower() < 0 || f.interval().upper() > 1 ? 1 : 0;
                widths[i] = f.interval().width();
                double sum = 0;
                int k = 0;
                for (EnsembleForecast.Member m : f.members()) {
                    if (m.excludedBecause() == null) {
                        sum += m.prediction();
                        k++;
                    }
                }
                for (int j = 0; j < fams; j++) {
                    EnsembleForecast.Member m = f.members().get(j);
                    assertEquals(LearningCurveForms.ALL.get(j).name(), m.form());
                    // as in training: a family that was not admitted counts as the mean of the others
                    x[i][j] = m.excludedBecause() == null ? m.prediction() : sum / k;
                }
            }
            double[] famMse = new double[fams];
            int best = 0;
            for (int j = 0; j < fams; j++) {
                for (int i = 0; i < n; i++) {
                    famMse[j] += sq(x[i][j] - truth[i]) / n;
                }
                best = famMse[j] < famMse[best] ? j : best;
            }
            // the shipped weights are the stacking optimum on all curves
            double[] relearned = simplexLeastSquares(x, truth, rows(n));
            double shipped = mse(x, truth, LearningCurveEnsemble.STACKING_WEIGHTS[r], rows(n));
            double optimum = mse(x, truth, relearned, rows(n));
            assertTrue(shipped <= optimum * 1.02, "shipped weights " + shipped + " vs re-learned optimum " + optimum + " at " + prefix);
            // 5-fold cross-validation across curves: weights learned on 4/5 of the curves, scored on the rest
            double cv = crossValidated(x, truth, 5, 20261125L);
            Arrays.sort(widths);
            String row = String.format(Locale.ROOT, "| %d | %.2e | %.2e | %.2e (%s) | %.2e | %.2e | %.3f | %d of %d | %.3f |",
                    prefix, ens / n, cv, famMse[best], LearningCurveForms.ALL.get(best).name(), famMse[1], last / n,
                    (double) covered / n, outside, n, widths[n / 2]);
            table.append(row).append('\n');
            assertTrue(ens / n <= famMse[best], "ensemble " + ens / n + " worse than " + LearningCurveForms.ALL.get(best).name() + " at " + prefix);
            assertTrue(cv <= famMse[best], "cross-validated stacking " + cv + " worse than the best family at " + prefix);
            assertTrue(ens < last, "ensemble must beat the last value at " + prefix);
            assertTrue((double) covered / n >= 0.9, "95% interval coverage " + (double) covered / n + " at " + prefix);
            assertEquals(0, outside, "intervals must stay within [0, 1]");
        }
        System.out.print("cifar10 epoch-40 forecasts:\n" + table);
    }

    @Test
    void janoschekAloneForecastsEveryCurve() throws IOException {
        List<double[]> curves = curves();
        for (int prefix : PREFIXES) {
            for (double[] c : curves) {
                EnsembleForecast f = LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(Arrays.copyOf(c, prefix), 40, true)
                        .withForms(List.of(LearningCurveForms.JANOSCHEK)));
                assertTrue(f.value() >= 0 && f.value() <= 1, "janoschek forecast " + f.value());
                assertEquals(1.0, f.members().get(0).weight(), 0);
            }
        }
    }

    private static int[] rows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double mse(double[][] x, double[] y, double[] w, int[] rows) {
        double s = 0;
        for (int i : rows) {
            double p = 0;
            for (int j = 0; j < w.length; j++) {
                p += w[j] * x[i][j];
            }
            s += sq(p - y[i]);
        }
        return s / rows.length;
    }

    private static double crossValidated(double[][] x, double[] y, int folds, long seed) {
        int n = y.length;
        int[] perm = rows(n);
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double sse = 0;
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (i % folds == f ? test : train).add(perm[i]);
            }
            int[] tr = train.stream().mapToInt(Integer::intValue).toArray();
            int[] te = test.stream().mapToInt(Integer::intValue).toArray();
            double[] w = simplexLeastSquares(x, y, tr);
            sse += mse(x, y, w, te) * te.length;
        }
        return sse / n;
    }

    /**
     * argmin_w mean (x w - y)^2 subject to w >= 0, sum w = 1: accelerated projected gradient (FISTA, Beck and
     * Teboulle 2009) with Euclidean projection onto the simplex (Duchi et al. 2008); step 1/L with L bounded
     * by the trace of the Gram matrix. Hand-written: Commons Math has no simplex-constrained least squares.
     */
    static double[] simplexLeastSquares(double[][] x, double[] y, int[] rows) {
        int p = x[0].length;
        double[][] g = new double[p][p];
        double[] b = new double[p];
        for (int i : rows) {
            for (int a = 0; a < p; a++) {
                b[a] += x[i][a] * y[i] / rows.length;
                for (int c = 0; c < p; c++) {
                    g[a][c] += x[i][a] * x[i][c] / rows.length;
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < p; a++) {
            trace += g[a][a];
        }
        double step = 1 / (2 * trace);
        double[] w = new double[p];
        Arrays.fill(w, 1.0 / p);
        double[] z = w.clone();
        double t = 1;
        for (int it = 0; it < 50_000; it++) {
            double[] next = new double[p];
            for (int a = 0; a < p; a++) {
                double grad = -2 * b[a];
                for (int c = 0; c < p; c++) {
                    grad += 2 * g[a][c] * z[c];
                }
                next[a] = z[a] - step * grad;
            }
            projectOntoSimplex(next);
            double tn = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            for (int a = 0; a < p; a++) {
                z[a] = next[a] + (t - 1) / tn * (next[a] - w[a]);
            }
            w = next;
            t = tn;
        }
        return w;
    }

    static void projectOntoSimplex(double[] v) {
        double[] u = v.clone();
        Arrays.sort(u);
        double cum = 0;
        double theta = 0;
        for (int i = u.length - 1, k = 1; i >= 0; i--, k++) {
            cum += u[i];
            double th = (cum - 1) / k;
            if (u[i] - th > 0) {
                theta = th;
            }
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, v[i] - theta);
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
