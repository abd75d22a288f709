package io.augur.matrix.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Which benchmark to run next": for one model, the missing cell whose measurement would most reduce the
 * uncertainty of the predictions the user asked about. Treating the bootstrap draws as a joint Gaussian
 * (the fitted values f, plus an independent residual e of sd sigma for any new measurement), measuring
 * candidate c gives y_c = f_c + e_c and the expected variance of an asked true score t_a = f_a + e_a
 * falls by Cov(t_a, y_c)^2 / Var(y_c) (Gaussian conditioning), where Cov(t_a, y_c) = Cov(f_a, f_c)
 * + [a = c] sigma_a^2 and Var(y_c) = Var(f_c) + sigma_c^2. Cov(f_a, f_c) has two parts: the bootstrap
 * covariance over models (what is learnt about the benchmarks) and, for alternating least squares, the
 * posterior covariance of the model's own latent position given its observed cells (see
 * {@link AlternatingLeastSquares#modelSideCovariance}); the bootstrap alone cannot see the latter, since
 * every round places the model from the same cells. Candidates are ranked by the summed reduction over
 * the asked cells; measuring an asked cell itself removes all of its variance.
 */
public final class NextMeasurement {

    public record Candidate(String benchmark, double varianceReduction, double fractionOfAskedVariance) {
    }

    public record Result(String model, List<String> asked, double askedVariance, List<Candidate> candidates, String method,
            List<String> warnings) {
    }

    private NextMeasurement() {
    }

    /**
     * @param model the model to measure next
     * @param asked the benchmarks whose predictions for that model matter (missing cells of the model)
     * @param s     the completion settings (method, rounds >= 20, seed)
     */
    public static Result rank(ScoreMatrix data, String model, List<String> asked, MatrixCompletion.Settings s) {
        int m = data.modelIndex(model, "model");
        if (asked == null || asked.isEmpty()) {
            throw new InvalidInputException("asked", "name at least one benchmark whose prediction matters");
        }
        if (s.rounds() < 20) {
            throw new InvalidInputException("rounds", "needs at least 20 bootstrap rounds to estimate covariances, was " + s.rounds());
        }
        List<MatrixCompletion.Cell> cells = new ArrayList<>();
        int[] askedIdx = new int[asked.size()];
        for (int i = 0; i < asked.size(); i++) {
            int b = data.benchmarkIndex(asked.get(i), "asked[" + i + "]");
            if (data.isObserved(m, b)) {
                throw new InvalidInputException("asked[" + i + "]", "'" + asked.get(i) + "' is already measured for '" + model + "'");
            }
            askedIdx[i] = b;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int b = 0; b < data.benchmarkCount(); b++) {
            if (!data.isObserved(m, b)) {
                cells.add(new MatrixCompletion.Cell(m, b));
                candidates.add(b);
            }
        }
        MatrixCompletion.Result r = MatrixCompletion.completeWithDraws(data, cells, s);
        Table full = new Table(data.toArray());
        MatrixCompletion.Selection sel = MatrixCompletion.select(data, full, s);
        double[][] latent = null;
        List<String> warnings = new ArrayList<>(r.warnings());
        String method = "expected reduction of predictive variance (Gaussian conditioning on bootstrap covariances";
        if (sel.chosen() instanceof AlternatingLeastSquares als) {
            AlternatingLeastSquares.Factors fit = (AlternatingLeastSquares.Factors) als.fit(full, MatrixCompletion.ones(data.modelCount()), null);
            int[] bs = candidates.stream().mapToInt(Integer::intValue).toArray();
            latent = AlternatingLeastSquares.modelSideCovariance(fit, m, bs, als.lambda(), sel.residualSd());
            for (int x = 0; x < bs.length; x++) {
                for (int y = 0; y < bs.length; y++) {
                    latent[x][y] *= full.st.sd[bs[x]] * full.st.sd[bs[y]];
                }
            }
            method += " plus the model's latent posterior)";
        } else {
            method += " only)";
            warnings.add("for " + s.method() + " only the benchmark-side (bootstrap) uncertainty is modelled: the"
                    + " uncertainty of the model's own position is not, so cross-benchmark gains are understated;"
                    + " alternating least squares models both");
        }
        double[][] lat = latent;
        float[][] f = r.draws().fitted();
        double[] noise = r.draws().noiseSd();
        int rounds = s.rounds();
        double[] mean = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            double sum = 0;
            for (int k = 0; k < rounds; k++) {
                sum += f[c][k];
            }
            mean[c] = sum / rounds;
        }
        int[] askedPos = new int[askedIdx.length];
        double askedVariance = 0;
        for (int i = 0; i < askedIdx.length; i++) {
            askedPos[i] = candidates.indexOf(askedIdx[i]);
            askedVariance += cov(f, mean, askedPos[i], askedPos[i], rounds) + noise[askedPos[i]] * noise[askedPos[i]]
                    + (lat == null ? 0 : lat[askedPos[i]][askedPos[i]]);
        }
        List<Candidate> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            double varY = cov(f, mean, c, c, rounds) + noise[c] * noise[c] + (lat == null ? 0 : lat[c][c]);
            double reduction = 0;
            for (int a : askedPos) {
                double cv = cov(f, mean, a, c, rounds) + (a == c ? noise[c] * noise[c] : 0) + (lat == null ? 0 : lat[a][c]);
                reduction += varY > 0 ? cv * cv / varY : 0;
            }
            out.add(new Candidate(data.benchmarks().get(candidates.get(c)), reduction,
                    askedVariance > 0 ? reduction / askedVariance : 0));
        }
        out.sort(Comparator.comparingDouble(Candidate::varianceReduction).reversed().thenComparing(Candidate::benchmark));
        return new Result(model, List.copyOf(asked), askedVariance, out, method, warnings);
    }

    private static double cov(float[][] f, double[] mean, int a, int c, int rounds) {
        double s = 0;
        for (int k = 0; k < rounds; k++) {
            s += (f[a][k] - mean[a]) * (f[c][k] - mean[c]);
        }
        return s / (rounds - 1);
    }
}
