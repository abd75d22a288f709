package io.augur.horizon.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * METR's time horizons (Kwa et al. 2025, "Measuring AI Ability to Complete Long Tasks"; code:
 * METR/eval-analysis-public, src/horizon/wrangle/logistic.py and bootstrap.py). Per agent, a weighted
 * logistic regression of the run's score on log2(human minutes) with an L2 penalty on the slope
 * ({@link PenalizedLogistic}); the q-horizon is 2^((logit(q) - intercept) / slope). Intervals by a
 * hierarchical bootstrap: resample task families, then tasks within each drawn family, then runs within
 * each drawn task and agent; as in METR's code the resampled runs keep their per-agent weights without
 * renormalising, and a round whose resample of an agent holds only successes or only failures is left
 * out for that agent. Percentile intervals (type 7 quantiles, as numpy's nanquantile).
 * <p>
 * Deterministic for a seed: round r draws from {@link RandomStreams#stream(long, long) stream r}; agents,
 * families, tasks and runs are put in a canonical order first, so the input order does not matter.
 */
public final class TimeHorizons {

    private TimeHorizons() {
    }

    public record Result(List<AgentHorizons> agents, HorizonSettings settings, String intervalMethod) {
    }

    public static Result estimate(List<AgentRun> runs, HorizonSettings settings) {
        Data d = Data.of(runs, settings.weighting());
        int levels = settings.successLevels().size();
        // point fits
        Fitted[] fits = new Fitted[d.agents.length];
        for (int a = 0; a < d.agents.length; a++) {
            fits[a] = pointFit(d, a, settings);
            if (fits[a].degenerate != null && settings.rejectDegenerate()) {
                throw new InvalidInputException("runs[agent=" + d.agents[a] + "].score",
                        fits[a].degenerate + "; leave the agent out, or ask for degenerate agents to be reported");
            }
        }
        double[][][] boot = bootstrap(d, settings);
        List<AgentHorizons> out = new ArrayList<>();
        String method = "percentile bootstrap over task families, tasks and runs, " + settings.rounds() + " rounds";
        for (int a = 0; a < d.agents.length; a++) {
            Fitted f = fits[a];
            List<String> warnings = new ArrayList<>();
            List<AgentHorizons.Horizon> hs = new ArrayList<>();
            int usable = 0;
            if (settings.rounds() > 0) {
                for (double v : boot[a][0]) {
                    if (!Double.isNaN(v)) {
                        usable++;
                    }
                }
            }
            for (int q = 0; q < levels; q++) {
                double level = settings.successLevels().get(q);
                if (f.degenerate != null) {
                    hs.add(new AgentHorizons.Horizon(level, null, null, f.allSucceed
                            ? AgentHorizons.Status.UNBOUNDED_ABOVE : AgentHorizons.Status.UNBOUNDED_BELOW));
                    continue;
                }
                if (f.fit.slope() >= 0) {
                    hs.add(new AgentHorizons.Horizon(level, null, null, AgentHorizons.Status.NOT_DECREASING));
                    continue;
                }
                double minutes = Math.pow(2, f.fit.xAt(level));
                Interval ci = null;
                if (usable > 0) {
                    double[] reps = Arrays.stream(boot[a][q]).filter(v -> !Double.isNaN(v)).toArray();
                    ci = Quantiles.percentileInterval(reps, settings.level(), method);
                }
                hs.add(new AgentHorizons.Horizon(level, minutes, ci, AgentHorizons.Status.ESTIMATED));
                if (minutes < d.shortest[a] || minutes > d.longest[a]) {
                    warnings.add(String.format("the %.0f%% horizon (%.4g min) lies outside the task lengths the agent ran"
                            + " (%.4g to %.4g min): it is an extrapolation of the fitted curve", 100 * level, minutes,
                            d.shortest[a], d.longest[a]));
                }
            }
            if (f.degenerate != null) {
                warnings.add(f.degenerate);
            } else if (f.fit.slope() >= 0) {
                warnings.add("the fitted success rate does not fall with task length (slope " + f.fit.slope()
                        + "): no horizon");
            }
            if (settings.rounds() > 0 && f.degenerate == null && usable < 0.9 * settings.rounds()) {
                warnings.add("only " + usable + " of " + settings.rounds() + " bootstrap rounds could be fitted (the"
                        + " others resampled only successes or only failures): the interval is not trustworthy");
            }
            if (settings.rounds() > 0 && f.degenerate == null) {
                int rising = 0;
                for (double s : boot[a][levels]) {
                    if (s >= 0) {
                        rising++;
                    }
                }
                if (rising > 0.025 * settings.rounds()) {
                    warnings.add(rising + " of " + settings.rounds() + " bootstrap rounds fitted a non-decreasing curve:"
                            + " the interval is not trustworthy");
                }
            }
            out.add(new AgentHorizons(d.agents[a], d.runCount[a], d.taskCount[a], d.successRate[a],
                    f.degenerate == null ? f.fit.slope() : null, f.degenerate == null ? f.fit.intercept() : null,
                    d.shortest[a], d.longest[a], List.copyOf(hs), settings.rounds() > 0 ? usable : 0,
                    List.copyOf(warnings)));
        }
        return new Result(List.copyOf(out), settings, method);
    }

    private record Fitted(PenalizedLogistic.Fit fit, String degenerate, boolean allSucceed) {
    }

    private static Fitted pointFit(Data d, int a, HorizonSettings settings) {
        double[] w = new double[d.x.length];
        double[] wy = new double[d.x.length];
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int[] runs : d.agentTaskRuns[a]) {
            if (runs == null) {
                continue;
            }
            for (int i : runs) {
                w[d.runX[i]] += d.runW[i];
                wy[d.runX[i]] += d.runW[i] * d.runY[i];
                minY = Math.min(minY, d.runY[i]);
                maxY = Math.max(maxY, d.runY[i]);
            }
        }
        if (maxY == 0) {
            return new Fitted(null, "all " + d.runCount[a] + " runs of " + d.agents[a] + " failed: its horizon is unbounded"
                    + " below (shorter than the shortest task, " + d.shortest[a] + " min) and cannot be estimated", false);
        }
        if (minY == 1) {
            return new Fitted(null, "all " + d.runCount[a] + " runs of " + d.agents[a] + " succeeded: its horizon is"
                    + " unbounded above (longer than the longest task, " + d.longest[a] + " min) and cannot be estimated", true);
        }
        return new Fitted(PenalizedLogistic.fit(d.x, w, wy, d.x.length, settings.regularization()), null, false);
    }

    /** [agent][level][round] horizons (NaN when the round is unusable for the agent); [agent][levels][round] slopes. */
    private static double[][][] bootstrap(Data d, HorizonSettings settings) {
        int agents = d.agents.length;
        int levels = settings.successLevels().size();
        int rounds = settings.rounds();
        double[][][] out = new double[agents][levels + 1][rounds];
        double[] logits = new double[levels];
        for (int q = 0; q < levels; q++) {
            double level = settings.successLevels().get(q);
            logits[q] = Math.log(level / (1 - level));
        }
        int nx = d.x.length;
        double[][] w = new double[agents][nx];
        double[][] wy = new double[agents][nx];
        boolean[] hasSuccess = new boolean[agents];
        boolean[] hasFailure = new boolean[agents];
        double[] prevY = new double[agents];
        int families = d.familyTasks.length;
        for (int r = 0; r < rounds; r++) {
            if (io.augur.stats.Workers.cancelled()) {
                throw new CancellationException("time-horizon bootstrap interrupted at round " + r);
            }
            UniformRandomProvider rng = RandomStreams.stream(settings.seed(), r);
            for (int a = 0; a < agents; a++) {
                Arrays.fill(w[a], 0);
                Arrays.fill(wy[a], 0);
                hasSuccess[a] = false;
                hasFailure[a] = false;
                prevY[a] = Double.NaN;
            }
            boolean[] mixed = new boolean[agents];
            for (int f = 0; f < families; f++) {
                int[] tasks = d.familyTasks[rng.nextInt(families)];
                for (int k = 0; k < tasks.length; k++) {
                    int t = tasks[rng.nextInt(tasks.length)];
                    for (int a = 0; a < agents; a++) {
                        int[] runs = d.agentTaskRuns[a][t];
                        if (runs == null) {
                            continue;
                        }
                        double[] wa = w[a];
                        double[] wya = wy[a];
                        for (int m = 0; m < runs.length; m++) {
                            int i = runs[rng.nextInt(runs.length)];
                            double y = d.runY[i];
                            wa[d.runX[i]] += d.runW[i];
                            wya[d.runX[i]] += d.runW[i] * y;
                            if (!mixed[a]) {
                                if (Double.isNaN(prevY[a])) {
                                    prevY[a] = y;
                                } else if (y != prevY[a]) {
                                    mixed[a] = true;
                                }
                            }
                        }
                    }
                }
            }
            for (int a = 0; a < agents; a++) {
                if (!mixed[a]) {
                    for (int q = 0; q <= levels; q++) {
                        out[a][q][r] = Double.NaN;
                    }
                    continue;
                }
                PenalizedLogistic.Fit fit = PenalizedLogistic.fit(d.x, w[a], wy[a], nx, settings.regularization());
                for (int q = 0; q < levels; q++) {
                    out[a][q][r] = Math.pow(2, (logits[q] - fit.intercept()) / fit.slope());
                }
                out[a][levels][r] = fit.slope();
            }
        }
        return out;
    }

    /** Validated runs in canonical order, indexed for the bootstrap. */
    private static final class Data {
        String[] agents;
        double[] x; // distinct log2(minutes), ascending
        int[] runX;
        double[] runW;
        double[] runY;
        int[][][] agentTaskRuns; // [agent][task] -> run indices, null when the agent did not run the task
        int[][] familyTasks;
        int[] runCount;
        int[] taskCount;
        double[] successRate;
        double[] shortest;
        double[] longest;

        static Data of(List<AgentRun> input, Weighting weighting) {
            if (input == null || input.isEmpty()) {
                throw new InvalidInputException("runs", "no runs given");
            }
            Map<String, String> familyOfTask = new HashMap<>();
            for (int i = 0; i < input.size(); i++) {
                AgentRun r = input.get(i);
                String at = "runs[" + i + "]";
                if (r == null) {
                    throw new InvalidInputException(at, "missing");
                }
                requireText(r.agent(), at + ".agent");
                requireText(r.taskId(), at + ".taskId");
                requireText(r.taskFamily(), at + ".taskFamily");
                if (!(r.humanMinutes() > 0 && Double.isFinite(r.humanMinutes()))) {
                    throw new InvalidInputException(at + ".humanMinutes",
                            "must be a finite number of minutes above 0, was " + r.humanMinutes());
                }
                if (!(r.score() >= 0 && r.score() <= 1)) {
                    throw new InvalidInputException(at + ".score", "must be in [0, 1], was " + r.score());
                }
                if (weighting == Weighting.GIVEN) {
                    if (r.weight() == null) {
                        throw new InvalidInputException(at + ".weight", "missing: every run needs a weight when the"
                                + " weights are given (or let them be computed: weighting invsqrt-task-family)");
                    }
                    if (!(r.weight() >= 0 && Double.isFinite(r.weight()))) {
                        throw new InvalidInputException(at + ".weight", "must be a finite number >= 0, was " + r.weight());
                    }
                }
                String prev = familyOfTask.putIfAbsent(r.taskId(), r.taskFamily());
                if (prev != null && !prev.equals(r.taskFamily())) {
                    throw new InvalidInputException(at + ".taskFamily", "task " + r.taskId() + " is in family " + prev
                            + " on an earlier run, here in " + r.taskFamily() + ": a task belongs to one family");
                }
            }
            // canonical order: agent, task, run id, then the values
            List<AgentRun> runs = new ArrayList<>(input);
            runs.sort(Comparator.comparing(AgentRun::agent).thenComparing(AgentRun::taskId)
                    .thenComparing(r -> r.runId() == null ? "" : r.runId())
                    .thenComparingDouble(AgentRun::humanMinutes).thenComparingDouble(AgentRun::score)
                    .thenComparingDouble(r -> r.weight() == null ? 0 : r.weight()));
            Data d = new Data();
            d.agents = runs.stream().map(AgentRun::agent).distinct().toArray(String[]::new);
            String[] tasks = new TreeSet<>(familyOfTask.keySet()).toArray(String[]::new);
            Map<String, Integer> taskIndex = new HashMap<>();
            for (int t = 0; t < tasks.length; t++) {
                taskIndex.put(tasks[t], t);
            }
            TreeMap<String, List<Integer>> families = new TreeMap<>();
            for (int t = 0; t < tasks.length; t++) {
                families.computeIfAbsent(familyOfTask.get(tasks[t]), k -> new ArrayList<>()).add(t);
            }
            d.familyTasks = families.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            int[] familyOf = new int[tasks.length];
            for (int f = 0; f < d.familyTasks.length; f++) {
                for (int t : d.familyTasks[f]) {
                    familyOf[t] = f;
                }
            }
            double[] xs = runs.stream().mapToDouble(r -> log2(r.humanMinutes())).distinct().sorted().toArray();
            d.x = xs;
            int n = runs.size();
            d.runX = new int[n];
            d.runW = new double[n];
            d.runY = new double[n];
            Map<String, Integer> agentIndex = new HashMap<>();
            for (int a = 0; a < d.agents.length; a++) {
                agentIndex.put(d.agents[a], a);
            }
            int agents = d.agents.length;
            List<List<List<Integer>>> lists = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                List<List<Integer>> perTask = new ArrayList<>();
                for (int t = 0; t < tasks.length; t++) {
                    perTask.add(null);
                }
                lists.add(perTask);
            }
            for (int i = 0; i < n; i++) {
                AgentRun r = runs.get(i);
                d.runX[i] = Arrays.binarySearch(xs, log2(r.humanMinutes()));
                d.runY[i] = r.score();
                int a = agentIndex.get(r.agent());
                int t = taskIndex.get(r.taskId());
                List<Integer> l = lists.get(a).get(t);
                if (l == null) {
                    l = new ArrayList<>();
                    lists.get(a).set(t, l);
                }
                l.add(i);
            }
            d.agentTaskRuns = new int[agents][tasks.length][];
            d.runCount = new int[agents];
            d.taskCount = new int[agents];
            d.successRate = new double[agents];
            d.shortest = new double[agents];
            d.longest = new double[agents];
            for (int a = 0; a < agents; a++) {
                // METR counts a family's size over the tasks this agent ran
                int[] familySize = new int[d.familyTasks.length];
                for (int t = 0; t < tasks.length; t++) {
                    if (lists.get(a).get(t) != null) {
                        familySize[familyOf[t]]++;
                    }
                }
                double sum = 0;
                d.shortest[a] = Double.POSITIVE_INFINITY;
                d.longest[a] = 0;
                for (int t = 0; t < tasks.length; t++) {
                    List<Integer> l = lists.get(a).get(t);
                    if (l == null) {
                        continue;
                    }
                    d.agentTaskRuns[a][t] = l.stream().mapToInt(Integer::intValue).toArray();
                    d.taskCount[a]++;
                    for (int i : l) {
                        AgentRun r = runs.get(i);
                        double w = switch (weighting) {
                            case GIVEN -> r.weight();
                            case INVSQRT_TASK_FAMILY -> 1 / Math.sqrt(familySize[familyOf[t]]) / l.size();
                            case EQUAL_TASK -> 1.0 / l.size();
                        };
                        d.runW[i] = w;
                        sum += w;
                        d.runCount[a]++;
                        d.shortest[a] = Math.min(d.shortest[a], r.humanMinutes());
                        d.longest[a] = Math.max(d.longest[a], r.humanMinutes());
                    }
                }
                if (!(sum > 0)) {
                    throw new InvalidInputException("runs[agent=" + d.agents[a] + "].weight",
                            "the weights of the agent's runs sum to 0: nothing to fit");
                }
                double rate = 0;
                for (int[] l : d.agentTaskRuns[a]) {
                    if (l == null) {
                        continue;
                    }
                    for (int i : l) {
                        d.runW[i] /= sum;
                        rate += d.runW[i] * d.runY[i];
                    }
                }
                d.successRate[a] = rate;
            }
            return d;
        }

        private static void requireText(String s, String field) {
            if (s == null || s.isBlank()) {
                throw new InvalidInputException(field, "missing or blank");
            }
        }
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
