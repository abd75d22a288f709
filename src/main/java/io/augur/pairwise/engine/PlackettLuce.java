package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.RandomStreams;
import io.augur.stats.Workers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Plackett-Luce maximum likelihood for full or partial rankings and top-1 choices (Luce 1959,
 * Plackett 1975). A ranking (m_1 &gt; m_2 &gt; ... &gt; m_k) of the models present has probability
 * prod_s pi_{m_s} / sum_{t &gt;= s} pi_{m_t}; a top-1 choice of c from a set S has probability
 * pi_c / sum_{j in S} pi_j; a pairwise win is a top-1 choice from two. Each ranking lists only the
 * models it saw, so sample-level benchmarking with missing entries (ONEBench's setting: each test item
 * ranks the models run on it) is a list of partial rankings. Ties inside a ranking are not modelled.
 *
 * <p>Estimation is Hunter's (2004) MM algorithm: pi_i &lt;- (w_i + alpha) / (sum over choice steps that
 * include i of 1 / sum of the strengths still in the set, + alpha), where w_i counts i's choices;
 * alpha &gt; 0 is choix's regularisation, the MAP under a Gamma(alpha + 1, alpha) prior on each pi,
 * which keeps the estimate finite when the data alone do not (Identifiability: the graph "chosen over"
 * must be strongly connected). Suffix sums make an iteration O(total ranking length). Log strengths are
 * reported centred to mean 0 (choix's convention), ratings as 1000 + 400 log10(pi).
 * The bootstrap resamples whole rankings (choices) with replacement. Stateless and thread-safe.
 */
public final class PlackettLuce {

    /** Pseudo-count used for bootstrap resamples whose likelihood is unbounded when alpha = 0. */
    public static final double FALLBACK_ALPHA = 0.01;

    private PlackettLuce() {
    }

    /**
     * @param alpha prior pseudo-count (0: MLE)
     * @param tolerance stop when the largest change of a centred log strength is below this
     * @param maxIterations MM iteration cap
     */
    public record Options(double alpha, double tolerance, int maxIterations) {
        public Options {
            if (!(alpha >= 0) || !Double.isFinite(alpha)) {
                throw new InvalidInputException("options.alpha", "must be a finite number >= 0");
            }
            if (!(tolerance > 0)) {
                throw new InvalidInputException("options.tolerance", "must be positive");
            }
            if (maxIterations < 1) {
                throw new InvalidInputException("options.maxIterations", "must be at least 1");
            }
        }

        /** MLE, tolerance 1e-11, at most 100,000 iterations. */
        public static Options defaults() {
            return new Options(0, 1e-11, 100_000);
        }

        public Options withAlpha(double a) {
            return new Options(a, tolerance, maxIterations);
        }
    }

    /** A top-1 choice: {@code chosen} was picked over every model in {@code others}. */
    public record Choice(String chosen, List<String> others) {
    }

    /** Fits rankings, each listing models best first (at least two distinct models each). */
    public static PlackettLuceFit fitRankings(List<List<String>> rankings, Options options) {
        Orderings o = Orderings.ofRankings(rankings);
        return fit(o, options);
    }

    /** Fits top-1 choices (pairwise wins are choices with one other model). */
    public static PlackettLuceFit fitChoices(List<Choice> choices, Options options) {
        Orderings o = Orderings.ofChoices(choices);
        return fit(o, options);
    }

    /** Rankings with a bootstrap over rankings: percentile intervals and Arena ranks of the ratings. */
    public static Leaderboard bootstrapRankings(List<List<String>> rankings, Options options, int rounds, long seed,
            double level) {
        return bootstrap(Orderings.ofRankings(rankings), options, rounds, seed, level);
    }

    /** Choices with a bootstrap over choices. */
    public static Leaderboard bootstrapChoices(List<Choice> choices, Options options, int rounds, long seed,
            double level) {
        return bootstrap(Orderings.ofChoices(choices), options, rounds, seed, level);
    }

    // ---------------------------------------------------------------------------------------------

    private static PlackettLuceFit fit(Orderings o, Options options) {
        double[] w = new double[o.count()];
        Arrays.fill(w, 1.0);
        if (options.alpha() == 0) {
            Identifiability id = o.identifiability(true);
            if (!id.bounded()) {
                throw new UnboundedLikelihoodException(o.field, id);
            }
        }
        Result r = mm(o, w, options.alpha(), null, options.tolerance(), options.maxIterations());
        return toFit(o, r, options.alpha());
    }

    private static Leaderboard bootstrap(Orderings o, Options options, int rounds, long seed, double level) {
        if (rounds < 2) {
            throw new InvalidInputException("rounds", "at least 2 bootstrap rounds are needed");
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", "must be in (0, 1)");
        }
        PlackettLuceFit fit = fit(o, options);
        double[] start = new double[o.n];
        for (int m = 0; m < o.n; m++) {
            start[m] = Math.exp(fit.logStrengths().get(m));
        }
        int count = o.count();
        double[][] replicates = new double[rounds][];
        AtomicInteger degenerate = new AtomicInteger();
        Workers.current().forEach(rounds, round -> {
            UniformRandomProvider rng = RandomStreams.stream(seed, round);
            double[] w = new double[count];
            for (int k = 0; k < count; k++) {
                w[rng.nextInt(count)] += 1;
            }
            double alpha = options.alpha();
            if (alpha == 0 && !o.withWeights(w).identifiability(false).bounded()) {
                alpha = FALLBACK_ALPHA;
                degenerate.incrementAndGet();
            }
            Result r = mm(o, w, alpha, start, options.tolerance(), options.maxIterations());
            double[] ratings = new double[o.n];
            for (int m = 0; m < o.n; m++) {
                ratings[m] = 1000 + BradleyTerry.ELO_PER_NAT * r.logStrengths[m];
            }
            replicates[round] = ratings;
        });
        double[] point = new double[o.n];
        for (int m = 0; m < o.n; m++) {
            point[m] = fit.ratings().get(m).rating();
        }
        String method = "Plackett-Luce " + (options.alpha() > 0 ? "MAP (alpha " + options.alpha() + ")" : "MLE")
                + " by MM, bootstrap over " + o.field;
        return Leaderboard.of(method, o.models, point, replicates, o.appearances(), level, seed, degenerate.get());
    }

    private static PlackettLuceFit toFit(Orderings o, Result r, double alpha) {
        List<ModelRating> ratings = new ArrayList<>(o.n);
        List<Double> logs = new ArrayList<>(o.n);
        for (int m = 0; m < o.n; m++) {
            ratings.add(new ModelRating(o.models.get(m), 1000 + BradleyTerry.ELO_PER_NAT * r.logStrengths[m]));
            logs.add(r.logStrengths[m]);
        }
        return new PlackettLuceFit(ratings, logs, alpha, r.converged, r.iterations, r.logLikelihood, o.count());
    }

    private static final class Result {
        double[] logStrengths;
        boolean converged;
        int iterations;
        double logLikelihood;
    }

    /** Hunter's MM iteration with ordering weights w (bootstrap multiplicities). */
    static Result mm(Orderings o, double[] w, double alpha, double[] start, double tolerance, int maxIterations) {
        int n = o.n;
        double[] pi = new double[n];
        if (start == null) {
            Arrays.fill(pi, 1.0);
        } else {
            System.arraycopy(start, 0, pi, 0, n);
        }
        double[] wins = new double[n];
        for (int k = 0; k < o.count(); k++) {
            if (w[k] == 0) {
                continue;
            }
            for (int s = 0; s < o.steps[k]; s++) {
                wins[o.items[o.start[k] + s]] += w[k];
            }
        }
        double[] denom = new double[n];
        double[] suffix = new double[o.maxLength + 1];
        double[] logOld = logCentred(pi);
        Result res = new Result();
        int it = 0;
        boolean converged = false;
        while (it < maxIterations && !converged) {
            it++;
            if ((it & 255) == 0) {
                Workers.checkCancelled();
            }
            Arrays.fill(denom, 0);
            for (int k = 0; k < o.count(); k++) {
                double wk = w[k];
                if (wk == 0) {
                    continue;
                }
                int from = o.start[k];
                int len = o.start[k + 1] - from;
                suffix[len] = 0;
                for (int t = len - 1; t >= 0; t--) {
                    suffix[t] = suffix[t + 1] + pi[o.items[from + t]];
                }
                double acc = 0;
                int steps = o.steps[k];
                for (int t = 0; t < len; t++) {
                    if (t < steps) {
                        acc += wk / suffix[t];
                    }
                    denom[o.items[from + t]] += acc;
                }
            }
            double logMean = 0;
            for (int i = 0; i < n; i++) {
                pi[i] = (wins[i] + alpha) / (denom[i] + alpha);
                logMean += Math.log(pi[i]);
            }
            double scale = Math.exp(-logMean / n);
            double change = 0;
            for (int i = 0; i < n; i++) {
                pi[i] *= scale; // geometric mean 1 keeps the iterates in range
                double l = Math.log(pi[i]);
                change = Math.max(change, Math.abs(l - logOld[i]));
                logOld[i] = l;
            }
            converged = change < tolerance;
        }
        res.logStrengths = logCentred(pi);
        res.converged = converged;
        res.iterations = it;
        res.logLikelihood = logLikelihood(o, w, pi);
        return res;
    }

    private static double[] logCentred(double[] pi) {
        double[] l = new double[pi.length];
        double mean = 0;
        for (int i = 0; i < pi.length; i++) {
            l[i] = Math.log(pi[i]);
            mean += l[i];
        }
        mean /= pi.length;
        for (int i = 0; i < pi.length; i++) {
            l[i] -= mean;
        }
        return l;
    }

    private static double logLikelihood(Orderings o, double[] w, double[] pi) {
        double ll = 0;
        for (int k = 0; k < o.count(); k++) {
            if (w[k] == 0) {
                continue;
            }
            int from = o.start[k];
            int len = o.start[k + 1] - from;
            double tail = 0;
            double[] suffix = new double[len + 1];
            for (int t = len - 1; t >= 0; t--) {
                tail += pi[o.items[from + t]];
                suffix[t] = tail;
            }
            for (int s = 0; s < o.steps[k]; s++) {
                ll += w[k] * (Math.log(pi[o.items[from + s]]) - Math.log(suffix[s]));
            }
        }
        return ll;
    }

    /**
     * Rankings and choices flattened: ordering k lists items[start[k] .. start[k+1]) best first, and
     * its first steps[k] positions are choices (m - 1 for a ranking of m, 1 for a top-1 choice).
     */
    static final class Orderings {
        final List<String> models;
        final int n;
        final int[] start;
        final int[] items;
        final int[] steps;
        final int maxLength;
        final String field;
        final double[] weights;

        private Orderings(List<String> models, int[] start, int[] items, int[] steps, String field, double[] weights) {
            this.models = models;
            this.n = models.size();
            this.start = start;
            this.items = items;
            this.steps = steps;
            this.field = field;
            this.weights = weights;
            int max = 0;
            for (int k = 0; k + 1 < start.length; k++) {
                max = Math.max(max, start[k + 1] - start[k]);
            }
            this.maxLength = max;
        }

        int count() {
            return steps.length;
        }

        Orderings withWeights(double[] w) {
            return new Orderings(models, start, items, steps, field, w);
        }

        long[] appearances() {
            long[] a = new long[n];
            for (int k = 0; k + 1 < start.length; k++) {
                for (int t = start[k]; t < start[k + 1]; t++) {
                    a[items[t]]++;
                }
            }
            return a;
        }

        /** Preference graph: chain edges within the choice steps, then the last chooser over the rest. */
        Identifiability identifiability(boolean named) {
            int[] from = new int[items.length];
            int[] to = new int[items.length];
            int e = 0;
            boolean[] appears = new boolean[n];
            for (int k = 0; k < count(); k++) {
                if (weights != null && weights[k] == 0) {
                    continue;
                }
                int s0 = start[k];
                int len = start[k + 1] - s0;
                for (int t = 0; t < len; t++) {
                    appears[items[s0 + t]] = true;
                }
                for (int t = 0; t + 1 < steps[k]; t++) {
                    from[e] = items[s0 + t];
                    to[e++] = items[s0 + t + 1];
                }
                int last = steps[k] - 1;
                for (int t = last + 1; t < len; t++) {
                    if (e == from.length) {
                        from = Arrays.copyOf(from, e * 2);
                        to = Arrays.copyOf(to, e * 2);
                    }
                    from[e] = items[s0 + last];
                    to[e++] = items[s0 + t];
                }
            }
            return Identifiability.analyse(n, named ? models : null, from, to, e, appears);
        }

        static Orderings ofRankings(List<List<String>> rankings) {
            if (rankings == null || rankings.isEmpty()) {
                throw new InvalidInputException("rankings", "no rankings given");
            }
            ModelIndex index = new ModelIndex();
            int[] start = new int[rankings.size() + 1];
            int[] steps = new int[rankings.size()];
            List<Integer> flat = new ArrayList<>();
            for (int k = 0; k < rankings.size(); k++) {
                List<String> r = rankings.get(k);
                String field = "rankings[" + k + "]";
                if (r == null || r.size() < 2) {
                    throw new InvalidInputException(field, "a ranking needs at least two models");
                }
                Set<String> seen = new HashSet<>();
                for (int t = 0; t < r.size(); t++) {
                    String m = r.get(t);
                    if (m == null || m.isBlank()) {
                        throw new InvalidInputException(field + "[" + t + "]", "missing model name");
                    }
                    if (!seen.add(m)) {
                        throw new InvalidInputException(field + "[" + t + "]", "model '" + m
                                + "' appears twice in the same ranking");
                    }
                    flat.add(index.indexOf(m));
                }
                steps[k] = r.size() - 1;
                start[k + 1] = flat.size();
            }
            return build(index, start, flat, steps, "rankings");
        }

        static Orderings ofChoices(List<Choice> choices) {
            if (choices == null || choices.isEmpty()) {
                throw new InvalidInputException("choices", "no choices given");
            }
            ModelIndex index = new ModelIndex();
            int[] start = new int[choices.size() + 1];
            int[] steps = new int[choices.size()];
            List<Integer> flat = new ArrayList<>();
            for (int k = 0; k < choices.size(); k++) {
                Choice c = choices.get(k);
                String field = "choices[" + k + "]";
                if (c == null || c.chosen() == null || c.chosen().isBlank()) {
                    throw new InvalidInputException(field + ".chosen", "missing model name");
                }
                if (c.others() == null || c.others().isEmpty()) {
                    throw new InvalidInputException(field + ".others", "a choice needs at least one other model");
                }
                Set<String> seen = new HashSet<>();
                seen.add(c.chosen());
                flat.add(index.indexOf(c.chosen()));
                for (int t = 0; t < c.others().size(); t++) {
                    String m = c.others().get(t);
                    if (m == null || m.isBlank()) {
                        throw new InvalidInputException(field + ".others[" + t + "]", "missing model name");
                    }
                    if (!seen.add(m)) {
                        throw new InvalidInputException(field + ".others[" + t + "]", "model '" + m
                                + "' appears twice in the same choice");
                    }
                    flat.add(index.indexOf(m));
                }
                steps[k] = 1;
                start[k + 1] = flat.size();
            }
            return build(index, start, flat, steps, "choices");
        }

        private static Orderings build(ModelIndex index, int[] start, List<Integer> flat, int[] steps, String field) {
            if (index.size() < 2) {
                throw new InvalidInputException(field, "at least two models are needed");
            }
            int[] items = flat.stream().mapToInt(Integer::intValue).toArray();
            return new Orderings(index.snapshot(), start, items, steps, field, null);
        }
    }
}
