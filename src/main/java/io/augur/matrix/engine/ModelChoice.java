package io.augur.matrix.engine;

import io.augur.stats.Interval;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Choosing a model for a task: the task profile weighs benchmarks (a single target benchmark is weight
 * 1); a candidate's quality is sum_b w_b score_mb / sum_b w_b, with measured cells as measured and
 * missing cells predicted by the matrix completion. Each bootstrap round gives every candidate a quality
 * draw (predicted cells: the round's refit plus a residual draw), hence the quality interval, the
 * probability that each candidate is the best (Bayesian-bootstrap style: the share of rounds in which it
 * has the highest quality) and the same among the candidates within the budget. The cost-quality Pareto
 * front: candidates no other candidate beats on both cost (lower or equal) and point quality (higher or
 * equal, one strictly).
 */
public final class ModelChoice {

    public record Option(String model, double cost, double quality, Interval interval, int predictedCells, boolean pareto,
            double probabilityBest, double probabilityBestWithinBudget) {
    }

    public record Result(Map<String, Double> profile, List<Option> options, String bestWithinBudget, Double budget,
            int rounds, long seed, List<String> warnings) {
    }

    private ModelChoice() {
    }

    /**
     * @param candidates model names
     * @param profile    benchmark -> weight (> 0)
     * @param costs      model -> cost per call (or per token); every candidate needs one
     * @param budget     the most a candidate may cost (null = no budget)
     */
    public static Result choose(ScoreMatrix data, List<String> candidates, Map<String, Double> profile, Map<String, Double> costs,
            Double budget, MatrixCompletion.Settings s) {
        if (candidates == null || candidates.isEmpty()) {
            throw new InvalidInputException("candidates", "must not be empty");
        }
        if (profile == null || profile.isEmpty()) {
            throw new InvalidInputException("profile", "name a target benchmark or weighted benchmarks");
        }
        if (budget != null && !(budget >= 0 && Double.isFinite(budget))) {
            throw new InvalidInputException("budget", "must be finite and >= 0");
        }
        int[] cand = new int[candidates.size()];
        double[] cost = new double[cand.length];
        for (int i = 0; i < cand.length; i++) {
            String name = candidates.get(i);
            cand[i] = data.modelIndex(name, "candidates[" + i + "]");
            for (int j = 0; j < i; j++) {
                if (cand[j] == cand[i]) {
                    throw new InvalidInputException("candidates[" + i + "]", "'" + name + "' appears twice");
                }
            }
            Double c = costs == null ? null : costs.get(name);
            if (c == null) {
                throw new InvalidInputException("costs." + name, "no cost for candidate '" + name + "'");
            }
            if (!(c >= 0 && Double.isFinite(c))) {
                throw new InvalidInputException("costs." + name, "must be finite and >= 0");
            }
            cost[i] = c;
        }
        List<Integer> bench = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> e : profile.entrySet()) {
            int b = data.benchmarkIndex(e.getKey(), "profile." + e.getKey());
            if (e.getValue() == null || !(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
                throw new InvalidInputException("profile." + e.getKey(), "weight must be positive and finite");
            }
            bench.add(b);
            weight.add(e.getValue());
            total += e.getValue();
        }
        List<MatrixCompletion.Cell> cells = new ArrayList<>();
        int[][] cellOf = new int[cand.length][bench.size()];
        for (int i = 0; i < cand.length; i++) {
            for (int j = 0; j < bench.size(); j++) {
                cellOf[i][j] = -1;
                if (!data.isObserved(cand[i], bench.get(j))) {
                    cellOf[i][j] = cells.size();
                    cells.add(new MatrixCompletion.Cell(cand[i], bench.get(j)));
                }
            }
        }
        int rounds = s.rounds();
        double[] point = new double[cand.length];
        double[][] draws = new double[cand.length][rounds];
        int[] predicted = new int[cand.length];
        List<String> warnings = new ArrayList<>();
        MatrixCompletion.Result r = cells.isEmpty() ? null : MatrixCompletion.completeWithDraws(data, cells, s);
        if (r != null) {
            warnings.addAll(r.warnings());
        }
        for (int i = 0; i < cand.length; i++) {
            UniformRandomProvider rng = RandomStreams.stream(s.seed(), 0xC401CEL + i);
            for (int j = 0; j < bench.size(); j++) {
                double w = weight.get(j) / total;
                int c = cellOf[i][j];
                if (c < 0) {
                    double v = data.score(cand[i], bench.get(j));
                    point[i] += w * v;
                    for (int k = 0; k < rounds; k++) {
                        draws[i][k] += w * v;
                    }
                } else {
                    predicted[i]++;
                    point[i] += w * r.predictions().get(c).estimate();
                    for (int k = 0; k < rounds; k++) {
                        draws[i][k] += w * (r.draws().fitted()[c][k] + r.draws().noiseSd()[c] * AlternatingLeastSquares.gaussian(rng));
                    }
                }
            }
        }
        double[] best = new double[cand.length];
        double[] bestBudget = new double[cand.length];
        for (int k = 0; k < rounds; k++) {
            int arg = -1;
            int argB = -1;
            for (int i = 0; i < cand.length; i++) {
                if (arg < 0 || draws[i][k] > draws[arg][k]) {
                    arg = i;
                }
                if ((budget == null || cost[i] <= budget) && (argB < 0 || draws[i][k] > draws[argB][k])) {
                    argB = i;
                }
            }
            best[arg]++;
            if (argB >= 0) {
                bestBudget[argB]++;
            }
        }
        List<Option> options = new ArrayList<>();
        String bestName = null;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cand.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < cand.length; j++) {
                if (j != i && cost[j] <= cost[i] && point[j] >= point[i] && (cost[j] < cost[i] || point[j] > point[i])) {
                    dominated = true;
                }
            }
            boolean affordable = budget == null || cost[i] <= budget;
            if (affordable && point[i] > bestQ) {
                bestQ = point[i];
                bestName = candidates.get(i);
            }
            Interval iv = predicted[i] == 0 ? new Interval(point[i], point[i], s.level(), "measured: every profile cell is observed")
                    : rounds > 1 ? Quantiles.percentileInterval(draws[i], s.level(), "percentile bootstrap over models, " + rounds
                    + " rounds, plus held-out residual") : new Interval(Double.NaN, Double.NaN, s.level(), "none: 0 rounds");
            options.add(new Option(candidates.get(i), cost[i], point[i], iv, predicted[i], !dominated,
                    rounds == 0 ? Double.NaN : best[i] / rounds,
                    rounds == 0 || !affordable ? (affordable ? Double.NaN : 0) : bestBudget[i] / rounds));
        }
        if (budget != null && bestName == null) {
            warnings.add("no candidate costs at most the budget " + budget);
        }
        options.sort(Comparator.comparingDouble(Option::quality).reversed().thenComparing(Option::model));
        Map<String, Double> prof = new LinkedHashMap<>(profile);
        return new Result(prof, options, bestName, budget, rounds, s.seed(), warnings);
    }
}
