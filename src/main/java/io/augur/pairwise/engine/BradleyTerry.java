package io.augur.pairwise.engine;

import io.augur.stats.Cholesky;
import io.augur.stats.InvalidInputException;
import io.augur.stats.RandomStreams;
import io.augur.stats.Progress;
import io.augur.stats.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bradley-Terry ratings by maximum likelihood on battles merged by (model A, model B, outcome) and
 * weighted by count, as Chatbot Arena computes them (Chiang et al. 2024; FastChat
 * {@code compute_mle_elo}). P(i beats j) = pi_i / (pi_i + pi_j) (Bradley and Terry 1952); ties count
 * as half a win to each side by default, or follow Davidson's (1970) model, where
 * P(i beats j) = pi_i / (pi_i + pi_j + nu sqrt(pi_i pi_j)) and P(tie) = nu sqrt(pi_i pi_j) / (same).
 * Ratings are 1000 + 400 log10(pi), the log strengths centred to mean 0 or shifted so an anchor model
 * has a given rating.
 *
 * <p>Fitting is Newton's method with a backtracking line search on the concave log-likelihood in the
 * log strengths (one strength pinned, or none with a prior): quadratic convergence, typically 5-8
 * iterations from zero and 2-3 from a warm start, each O(pairs + n^3 / 6). An optional Gaussian prior
 * N(0, 1 / lambda) on each natural-log strength (a ridge penalty lambda / 2 * sum theta^2, the MAP
 * estimate) keeps the fit finite when the data alone make it unbounded (see {@link Identifiability});
 * without a prior, such data raise {@link UnboundedLikelihoodException}.
 *
 * <p>The bootstrap resamples the merged rows multinomially (N draws over the cells (pair, outcome) with
 * probabilities count / N, sampled exactly in O(cells) by conditional binomials), refits from the
 * full-data estimate by the chord method (Newton steps with the full-data information matrix factored
 * once, until the step is below max(tolerance, 1e-7) natural-log units, i.e. 2e-5 Elo points; Newton proper if
 * that does not contract), and reports percentile intervals and the Arena rank. Round r uses stream r of the seed, so the answer does not depend on the thread count.
 * A resample whose likelihood is unbounded is fitted with the user's prior, or lambda = 0.01 if none
 * was asked for, and counted in {@link Leaderboard#degenerateRounds()}. Stateless and thread-safe.
 */
public final class BradleyTerry {

    /** 400 / ln 10: natural-log strength to Elo points. */
    public static final double ELO_PER_NAT = 400.0 / Math.log(10.0);
    /** Prior precision used for bootstrap resamples whose likelihood is unbounded when no prior was asked for. */
    public static final double FALLBACK_PRIOR = 0.01;

    private BradleyTerry() {
    }

    public enum TieModel {
        /** A tie is half a win for each side (FastChat, evalica). */
        HALF_WIN,
        /** Davidson (1970): ties have their own probability with a fitted parameter nu. */
        DAVIDSON
    }

    /**
     * Fit options.
     *
     * @param ties tie model
     * @param prior Gaussian prior precision lambda on natural-log strengths; 0 for the plain MLE
     * @param anchorModel model pinned to {@code anchorRating}, or null to centre ratings at 1000
     * @param anchorRating the anchor's rating
     * @param tolerance Newton stops when the largest step in log strength is below this
     * @param maxIterations Newton iteration cap
     */
    public record Options(TieModel ties, double prior, String anchorModel, double anchorRating, double tolerance,
            int maxIterations) {
        public Options {
            if (ties == null) {
                throw new InvalidInputException("options.ties", "missing tie model");
            }
            if (!(prior >= 0) || !Double.isFinite(prior)) {
                throw new InvalidInputException("options.prior", "must be a finite number >= 0");
            }
            if (!Double.isFinite(anchorRating)) {
                throw new InvalidInputException("options.anchorRating", "must be a finite number");
            }
            if (!(tolerance > 0)) {
                throw new InvalidInputException("options.tolerance", "must be positive");
            }
            if (maxIterations < 1) {
                throw new InvalidInputException("options.maxIterations", "must be at least 1");
            }
        }

        /** Half-win ties, no prior, ratings centred at 1000, tolerance 1e-10, at most 100 iterations. */
        public static Options defaults() {
            return new Options(TieModel.HALF_WIN, 0, null, 1000, 1e-10, 100);
        }

        public Options withTies(TieModel t) {
            return new Options(t, prior, anchorModel, anchorRating, tolerance, maxIterations);
        }

        public Options withPrior(double lambda) {
            return new Options(ties, lambda, anchorModel, anchorRating, tolerance, maxIterations);
        }

        public Options withAnchor(String model, double rating) {
            return new Options(ties, prior, model, rating, tolerance, maxIterations);
        }
    }

    /** Fits the ratings; unbounded data without a prior raise {@link UnboundedLikelihoodException}. */
    public static BradleyTerryFit fit(PairCounts counts, Options options) {
        PairData d = prepare(counts, options);
        Solution s = solve(d, options.ties() == TieModel.DAVIDSON, options.prior(), null, initialPhi(d),
                options.tolerance(), options.maxIterations());
        return toFit(counts, options, d, s);
    }

    /**
     * Fit plus multinomial bootstrap of the merged rows: {@code rounds} rounds from {@code seed},
     * percentile intervals at {@code level} (e.g. 0.95). Cancels (CancellationException) when the
     * computation's token is tripped.
     */
    public static BradleyTerryBootstrap bootstrap(PairCounts counts, Options options, int rounds, long seed,
            double level) {
        if (rounds < 2) {
            throw new InvalidInputException("rounds", "at least 2 bootstrap rounds are needed");
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", "must be in (0, 1)");
        }
        PairData d = prepare(counts, options);
        boolean davidson = options.ties() == TieModel.DAVIDSON;
        Solution full = solve(d, davidson, options.prior(), null, initialPhi(d), options.tolerance(),
                options.maxIterations());
        BradleyTerryFit fit = toFit(counts, options, d, full);

        int pairs = d.pairs();
        long[] cellCounts = new long[3 * pairs];
        for (int p = 0; p < pairs; p++) {
            cellCounts[3 * p] = Math.round(d.wij[p]);
            cellCounts[3 * p + 1] = Math.round(d.wji[p]);
            cellCounts[3 * p + 2] = Math.round(d.ties[p]);
        }
        long draws = 0;
        for (long c : cellCounts) {
            draws += c;
        }
        final long n = draws;
        final double replicateTolerance = Math.max(options.tolerance(), 1e-7);
        // The full-data information matrix, factored once: every round's Newton system reuses it (chord method).
        int dim = davidson ? d.n + 1 : d.n;
        double[] factor = new double[dim * dim];
        evaluate(d, davidson, options.prior(), full.theta, full.phi, null, factor);
        int pin = options.prior() == 0 ? pinIndex(d) : -1;
        pinRows(factor, dim, pin);
        final double[] chordFactor = Cholesky.factor(factor, dim) ? factor : null;
        int anchor = anchorIndex(counts, options);
        double[][] ratingReplicates = new double[rounds][];
        double[][] logReplicates = new double[rounds][];
        double[] phiReplicates = new double[rounds];
        AtomicInteger degenerate = new AtomicInteger();
        Progress progress = Workers.currentProgress();
        progress.begin("rounds", rounds);
        Workers.current().forEach(rounds, round -> {
            long[] tally = new long[cellCounts.length];
            Multinomial.sample(RandomStreams.stream(seed, round), cellCounts, n, tally);
            PairData rep = d.emptyCopy();
            for (int p = 0; p < pairs; p++) {
                rep.wij[p] = tally[3 * p];
                rep.wji[p] = tally[3 * p + 1];
                rep.ties[p] = tally[3 * p + 2];
            }
            double lambda = options.prior();
            if (lambda == 0 && !Identifiability.isBounded(rep)) {
                lambda = FALLBACK_PRIOR;
                degenerate.incrementAndGet();
            }
            double phi0 = full.phi;
            if (davidson && (rep.totalTies() == 0 || rep.totalTies() == rep.total())) {
                phi0 = initialPhi(rep); // degenerate tie share: Newton will stop at the iteration cap
            }
            Solution s = lambda == options.prior() && chordFactor != null
                    ? chord(rep, davidson, lambda, full.theta, phi0, chordFactor, pin, replicateTolerance, 200)
                    : null;
            if (s == null) {
                s = solve(rep, davidson, lambda, full.theta, phi0, replicateTolerance, options.maxIterations());
            }
            logReplicates[round] = centred(s.theta);
            ratingReplicates[round] = toRatings(s.theta, anchor, options.anchorRating());
            phiReplicates[round] = davidson ? Math.exp(s.phi) : 0;
            progress.advance(1);
        });
        double[] point = new double[d.n];
        for (int m = 0; m < d.n; m++) {
            point[m] = fit.ratings().get(m).rating();
        }
        String method = "Bradley-Terry " + (options.prior() > 0 ? "MAP (Gaussian prior, lambda " + options.prior() + ")"
                : "MLE") + ", ties " + (davidson ? "by Davidson's model" : "as half a win")
                + ", multinomial bootstrap over merged rows";
        Leaderboard board = Leaderboard.of(method, counts.models(), point, ratingReplicates, d.battlesPerModel(),
                level, seed, degenerate.get());
        return new BradleyTerryBootstrap(fit, board, logReplicates, phiReplicates);
    }

    /** Diagnosis of the counts (whether the plain MLE exists). */
    public static Identifiability diagnose(PairCounts counts) {
        return Identifiability.of(counts);
    }

    // ---------------------------------------------------------------------------------------------

    static PairData prepare(PairCounts counts, Options options) {
        if (counts == null || counts.totalBattles() == 0) {
            throw new InvalidInputException("battles", "no battles given");
        }
        if (counts.modelCount() < 2) {
            throw new InvalidInputException("battles", "at least two models are needed");
        }
        anchorIndex(counts, options);
        PairData d = PairData.of(counts);
        if (options.prior() == 0) {
            Identifiability id = Identifiability.of(d, counts.models());
            if (!id.bounded()) {
                throw new UnboundedLikelihoodException("battles", id);
            }
        }
        if (options.ties() == TieModel.DAVIDSON) {
            double t = d.totalTies();
            if (t == 0 || t == d.total()) {
                throw new InvalidInputException("options.ties", "the Davidson tie model needs both ties and decisive "
                        + "battles (found " + (long) t + " ties in " + (long) d.total() + " battles)");
            }
        }
        return d;
    }

    static int anchorIndex(PairCounts counts, Options options) {
        if (options.anchorModel() == null) {
            return -1;
        }
        int a = counts.models().indexOf(options.anchorModel());
        if (a < 0) {
            throw new InvalidInputException("options.anchorModel", "unknown model '" + options.anchorModel() + "'");
        }
        return a;
    }

    static double initialPhi(PairData d) {
        double total = d.total();
        double share = total > 0 ? d.totalTies() / total : 0;
        share = Math.min(Math.max(share, 1e-3), 1 - 1e-3);
        return Math.log(2 * share / (1 - share)); // nu with P(tie) = share at equal strengths
    }

    static double[] centred(double[] theta) {
        double mean = 0;
        for (double t : theta) {
            mean += t;
        }
        mean /= theta.length;
        double[] c = new double[theta.length];
        for (int m = 0; m < theta.length; m++) {
            c[m] = theta[m] - mean;
        }
        return c;
    }

    static double[] toRatings(double[] theta, int anchor, double anchorRating) {
        double[] c = centred(theta);
        double[] r = new double[c.length];
        double shift = anchor >= 0 ? anchorRating - (1000 + ELO_PER_NAT * c[anchor]) : 0;
        for (int m = 0; m < c.length; m++) {
            r[m] = 1000 + ELO_PER_NAT * c[m] + shift;
        }
        return r;
    }

    private static BradleyTerryFit toFit(PairCounts counts, Options options, PairData d, Solution s) {
        double[] c = centred(s.theta);
        double[] r = toRatings(s.theta, anchorIndex(counts, options), options.anchorRating());
        List<ModelRating> ratings = new ArrayList<>(d.n);
        List<Double> logs = new ArrayList<>(d.n);
        for (int m = 0; m < d.n; m++) {
            ratings.add(new ModelRating(counts.models().get(m), r[m]));
            logs.add(c[m]);
        }
        boolean davidson = options.ties() == TieModel.DAVIDSON;
        return new BradleyTerryFit(options.ties(), ratings, logs, davidson ? Math.exp(s.phi) : 0, options.prior(),
                s.converged, s.iterations, s.gradientNorm, s.logLikelihood, (long) d.total());
    }

    /** P(i wins), P(j wins), P(tie) for log-strength difference {@code diff} = theta_i - theta_j. */
    static double[] probabilities(double diff, TieModel ties, double nu) {
        if (ties == TieModel.DAVIDSON) {
            double x = diff / 2;
            double m = Math.max(Math.abs(x), Math.log(nu));
            double ei = Math.exp(x - m);
            double ej = Math.exp(-x - m);
            double et = Math.exp(Math.log(nu) - m);
            double den = ei + ej + et;
            return new double[] {ei / den, ej / den, et / den};
        }
        double p = 1.0 / (1.0 + Math.exp(-diff));
        return new double[] {p, 1 - p, 0};
    }

    // ---------------------------------------------------------------------------------------------
    // Newton's method.

    static final class Solution {
        double[] theta;
        double phi;
        int iterations;
        boolean converged;
        double gradientNorm;
        double logLikelihood;
    }

    /** Log-likelihood; fills the gradient when grad != null and the negative Hessian (dim x dim) when hess != null. */
    static double evaluate(PairData d, boolean davidson, double lambda, double[] theta, double phi, double[] grad,
            double[] hess) {
        return evaluate(d, davidson, lambda, theta, phi, grad, hess, true);
    }

    static double evaluate(PairData d, boolean davidson, double lambda, double[] theta, double phi, double[] grad,
            double[] hess, boolean wantLl) {
        int n = d.n;
        int dim = davidson ? n + 1 : n;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0, dim, 0);
        }
        if (hess != null) {
            java.util.Arrays.fill(hess, 0, dim * dim, 0);
        }
        double ll = 0;
        int m = d.pairs();
        for (int p = 0; p < m; p++) {
            int i = d.i[p];
            int j = d.j[p];
            double diff = theta[i] - theta[j];
            if (!davidson) {
                double w1 = d.wij[p] + 0.5 * d.ties[p];
                double w2 = d.wji[p] + 0.5 * d.ties[p];
                double total = w1 + w2;
                if (total == 0) {
                    continue;
                }
                double e = Math.exp(-Math.abs(diff));
                if (wantLl) {
                    // log sigma(x) = -log(1 + exp(-x)) written stably for both signs (Math.log, an intrinsic,
                    // rather than log1p, a slow software routine: the absolute error stays below 1e-16)
                    double log1pe = Math.log(1 + e);
                    double logS = diff >= 0 ? -log1pe : diff - log1pe;
                    double logNotS = diff >= 0 ? -diff - log1pe : -log1pe;
                    ll += w1 * logS + w2 * logNotS;
                }
                if (grad != null) {
                    double s = diff >= 0 ? 1 / (1 + e) : e / (1 + e);
                    double g = w1 - total * s;
                    grad[i] += g;
                    grad[j] -= g;
                }
                if (hess != null) {
                    double s = diff >= 0 ? 1 / (1 + e) : e / (1 + e);
                    double h = total * s * (1 - s);
                    hess[i * dim + i] += h;
                    hess[j * dim + j] += h;
                    hess[i * dim + j] -= h;
                    hess[j * dim + i] -= h;
                }
            } else {
                double wi = d.wij[p];
                double wj = d.wji[p];
                double t = d.ties[p];
                double total = wi + wj + t;
                if (total == 0) {
                    continue;
                }
                double x = diff / 2;
                double mx = Math.max(Math.abs(x), phi);
                double ei = Math.exp(x - mx);
                double ej = Math.exp(-x - mx);
                double et = Math.exp(phi - mx);
                double den = ei + ej + et;
                if (wantLl) {
                    double logD = mx + Math.log(den);
                    ll += wi * (x - logD) + wj * (-x - logD) + t * (phi - logD);
                }
                double pi = ei / den;
                double pj = ej / den;
                double pt = et / den;
                if (grad != null) {
                    double gx = wi - wj - total * (pi - pj);
                    double gphi = t - total * pt;
                    grad[i] += gx / 2;
                    grad[j] -= gx / 2;
                    grad[n] += gphi;
                }
                if (hess != null) {
                    double hxx = total * ((pi + pj) - (pi - pj) * (pi - pj)) / 4;
                    double hxp = -total * (pi - pj) * pt / 2;
                    double hpp = total * pt * (1 - pt);
                    hess[i * dim + i] += hxx;
                    hess[j * dim + j] += hxx;
                    hess[i * dim + j] -= hxx;
                    hess[j * dim + i] -= hxx;
                    hess[i * dim + n] += hxp;
                    hess[n * dim + i] += hxp;
                    hess[j * dim + n] -= hxp;
                    hess[n * dim + j] -= hxp;
                    hess[n * dim + n] += hpp;
                }
            }
        }
        if (lambda > 0) {
            for (int k = 0; k < n; k++) {
                ll -= 0.5 * lambda * theta[k] * theta[k];
                if (grad != null) {
                    grad[k] -= lambda * theta[k];
                }
                if (hess != null) {
                    hess[k * dim + k] += lambda;
                }
            }
        }
        return ll;
    }

    static Solution solve(PairData d, boolean davidson, double lambda, double[] start, double phiStart,
            double tolerance, int maxIterations) {
        int n = d.n;
        int dim = davidson ? n + 1 : n;
        double[] theta = start == null ? new double[n] : start.clone();
        double phi = phiStart;
        double[] grad = new double[dim];
        double[] hess = new double[dim * dim];
        double[] step = new double[dim];
        double[] trial = new double[n];
        double[] trialGrad = new double[dim];
        double[] trialHess = new double[dim * dim];
        // Without a prior the likelihood is invariant to adding a constant: pin the most-compared model.
        int pin = lambda == 0 ? pinIndex(d) : -1;
        double ll = evaluate(d, davidson, lambda, theta, phi, grad, hess);
        Solution s = new Solution();
        int it = 0;
        boolean converged = false;
        while (it < maxIterations && !converged) {
            it++;
            System.arraycopy(grad, 0, step, 0, dim);
            pinRows(hess, dim, pin);
            if (pin >= 0) {
                step[pin] = 0;
            }
            if (!Cholesky.factor(hess, dim)) {
                // Numerically singular (e.g. near-separated resample): fall back to a damped gradient step.
                for (int k = 0; k < dim; k++) {
                    step[k] = grad[k] / (1 + d.total());
                }
                if (pin >= 0) {
                    step[pin] = 0;
                }
            } else {
                Cholesky.solve(hess, dim, step);
            }
            double t = 1;
            double trialPhi = phi;
            double trialLl = Double.NEGATIVE_INFINITY;
            for (int halvings = 0; halvings < 60; halvings++) {
                for (int k = 0; k < n; k++) {
                    trial[k] = theta[k] + t * step[k];
                }
                trialPhi = davidson ? phi + t * step[n] : phi;
                trialLl = evaluate(d, davidson, lambda, trial, trialPhi, trialGrad, trialHess);
                if (trialLl >= ll - 1e-12 * (1 + Math.abs(ll))) {
                    break;
                }
                t /= 2;
            }
            double maxStep = 0;
            for (int k = 0; k < dim; k++) {
                maxStep = Math.max(maxStep, Math.abs(t * step[k]));
            }
            System.arraycopy(trial, 0, theta, 0, n);
            phi = trialPhi;
            ll = trialLl;
            double[] swap = grad;
            grad = trialGrad;
            trialGrad = swap;
            swap = hess;
            hess = trialHess;
            trialHess = swap;
            converged = maxStep < tolerance;
        }
        double gmax = 0;
        for (int k = 0; k < dim; k++) {
            if (k != pin) {
                gmax = Math.max(gmax, Math.abs(grad[k]));
            }
        }
        s.theta = theta;
        s.phi = phi;
        s.iterations = it;
        s.converged = converged;
        s.gradientNorm = gmax;
        s.logLikelihood = ll;
        return s;
    }

    static int pinIndex(PairData d) {
        long[] games = d.battlesPerModel();
        int pin = 0;
        for (int k = 1; k < d.n; k++) {
            if (games[k] > games[pin]) {
                pin = k;
            }
        }
        return pin;
    }

    static void pinRows(double[] hess, int dim, int pin) {
        if (pin < 0) {
            return;
        }
        for (int k = 0; k < dim; k++) {
            hess[pin * dim + k] = 0;
            hess[k * dim + pin] = 0;
        }
        hess[pin * dim + pin] = 1;
    }

    /**
     * Chord (simplified Newton) iteration for a bootstrap replicate: theta += H0^-1 grad(theta) with the
     * full-data information H0 factored once. A resample's information differs from H0 by sampling
     * noise only, so the iteration contracts fast (a few steps on large arenas) and each step costs one
     * gradient pass and two triangular solves instead of a Hessian and a factorisation. Returns null
     * when it does not contract (the caller then runs Newton).
     */
    static Solution chord(PairData d, boolean davidson, double lambda, double[] start, double phiStart, double[] factor,
            int pin, double tolerance, int maxIterations) {
        int n = d.n;
        int dim = davidson ? n + 1 : n;
        double[] theta = start.clone();
        double phi = phiStart;
        double[] grad = new double[dim];
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 1; it <= maxIterations; it++) {
            evaluate(d, davidson, lambda, theta, phi, grad, null, false);
            if (pin >= 0) {
                grad[pin] = 0;
            }
            Cholesky.solve(factor, dim, grad);
            double maxStep = 0;
            for (int k = 0; k < dim; k++) {
                maxStep = Math.max(maxStep, Math.abs(grad[k]));
            }
            if (!(maxStep < 2 * previous) || !Double.isFinite(maxStep)) {
                return null;
            }
            previous = maxStep;
            for (int k = 0; k < n; k++) {
                theta[k] += grad[k];
            }
            if (davidson) {
                phi += grad[n];
            }
            if (maxStep < tolerance) {
                Solution s = new Solution();
                s.theta = theta;
                s.phi = phi;
                s.iterations = it;
                s.converged = true;
                s.gradientNorm = Double.NaN;
                s.logLikelihood = Double.NaN;
                return s;
            }
        }
        return null;
    }
}
