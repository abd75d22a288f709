package io.augur.pairwise.engine;

import io.augur.stats.Cholesky;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Active evaluation: which pairs to battle next so the leaderboard's uncertainty shrinks most.
 * Criterion (A-optimal design): the expected reduction of the total variance of the centred ratings,
 * trace(C Sigma C), after one more battle of the pair, where Sigma is the inverse Fisher information
 * of the Bradley-Terry fit (the asymptotic covariance of the log strengths; pseudo-inverse without a
 * prior) and C centres the ratings. One battle of a and b adds information h u u^T with
 * u = e_a - e_b and h = p (1 - p) (Davidson: ((p_a + p_b) - (p_a - p_b)^2) / 4), so by Sherman-Morrison
 * the reduction is h |C Sigma u|^2 / (1 + h u^T Sigma u), reported in Elo points squared.
 * Pairs between uncertain models that are close in strength score highest; a model with no battles
 * gets prior variance. Data whose likelihood is unbounded are fitted with the user's prior or
 * {@link BradleyTerry#FALLBACK_PRIOR}. Cost O(n^3) for n models. Stateless and thread-safe.
 */
public final class ActiveSampling {

    private ActiveSampling() {
    }

    /** A suggested battle, with the expected reduction of total rating variance (Elo^2) and P(A wins). */
    public record Suggestion(String modelA, String modelB, double expectedVarianceReduction, double aWinsProbability,
            long battlesSoFar) {
    }

    /** The suggestions, best first, with the criterion and the prior the fit used. */
    public record Plan(String criterion, double prior, double totalRatingVariance, List<Suggestion> suggestions) {
        public Plan {
            suggestions = List.copyOf(suggestions);
        }
    }

    public static Plan suggest(PairCounts counts, BradleyTerry.Options options, int howMany) {
        if (howMany < 1) {
            throw new InvalidInputException("count", "must be at least 1");
        }
        if (counts == null || counts.modelCount() < 2) {
            throw new InvalidInputException("battles", "at least two models are needed");
        }
        PairData d = PairData.of(counts);
        double lambda = options.prior();
        if (lambda == 0 && !Identifiability.of(d, counts.models()).bounded()) {
            lambda = BradleyTerry.FALLBACK_PRIOR;
        }
        boolean davidson = options.ties() == BradleyTerry.TieModel.DAVIDSON;
        if (davidson && (d.totalTies() == 0 || d.totalTies() == d.total())) {
            davidson = false; // nu is not estimable; fall back to half-win information
        }
        BradleyTerry.Options fitOptions = options.withPrior(lambda)
                .withTies(davidson ? BradleyTerry.TieModel.DAVIDSON : BradleyTerry.TieModel.HALF_WIN);
        BradleyTerry.Solution s = BradleyTerry.solve(d, davidson, lambda, null, BradleyTerry.initialPhi(d),
                fitOptions.tolerance(), fitOptions.maxIterations());
        int n = d.n;
        int dim = davidson ? n + 1 : n;
        double[] grad = new double[dim];
        double[] hess = new double[dim * dim];
        BradleyTerry.evaluate(d, davidson, lambda, s.theta, s.phi, grad, hess);
        // Information on the log strengths (the theta block; nu treated as known).
        double[] info = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(hess, i * dim, info, i * n, n);
        }
        if (lambda == 0) {
            for (int k = 0; k < n * n; k++) {
                info[k] += 1.0 / n; // H + 11^T / n is invertible; its inverse minus 11^T / n is H's pseudo-inverse
            }
        }
        if (!Cholesky.factor(info, n)) {
            throw new IllegalStateException("Fisher information is not positive definite");
        }
        double[] sigma = new double[n * n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(col, 0);
            col[j] = 1;
            Cholesky.solve(info, n, col);
            for (int i = 0; i < n; i++) {
                sigma[i * n + j] = col[i] - (lambda == 0 ? 1.0 / n : 0);
            }
        }
        double trace = 0;
        double[] rowMean = new double[n];
        for (int i = 0; i < n; i++) {
            trace += sigma[i * n + i];
            for (int j = 0; j < n; j++) {
                rowMean[i] += sigma[i * n + j] / n;
            }
        }
        double meanAll = 0;
        for (double v : rowMean) {
            meanAll += v / n;
        }
        double centredTrace = trace - n * meanAll; // trace(C Sigma C) = trace(Sigma) - 1^T Sigma 1 / n
        long[] pairGames = new long[n * n];
        for (int p = 0; p < d.pairs(); p++) {
            long g = (long) (d.wij[p] + d.wji[p] + d.ties[p]);
            pairGames[d.i[p] * n + d.j[p]] += g;
        }
        double nu = davidson ? Math.exp(s.phi) : 0;
        double elo2 = BradleyTerry.ELO_PER_NAT * BradleyTerry.ELO_PER_NAT;
        List<Suggestion> all = new ArrayList<>(n * (n - 1) / 2);
        double[] v = new double[n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double[] p = BradleyTerry.probabilities(s.theta[a] - s.theta[b], fitOptions.ties(), nu);
                double h = davidson ? ((p[0] + p[1]) - (p[0] - p[1]) * (p[0] - p[1])) / 4 : p[0] * p[1];
                double quad = sigma[a * n + a] + sigma[b * n + b] - 2 * sigma[a * n + b];
                double sum = 0;
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    v[i] = sigma[i * n + a] - sigma[i * n + b];
                    sum += v[i];
                    sq += v[i] * v[i];
                }
                double centredSq = sq - sum * sum / n;
                double reduction = h * centredSq / (1 + h * quad);
                all.add(new Suggestion(counts.models().get(a), counts.models().get(b), reduction * elo2, p[0],
                        pairGames[a * n + b]));
            }
        }
        all.sort(Comparator.comparingDouble(Suggestion::expectedVarianceReduction).reversed()
                .thenComparing(Suggestion::modelA).thenComparing(Suggestion::modelB));
        String criterion = "expected reduction of trace of the centred rating covariance (inverse Fisher information "
                + "of the Bradley-Terry fit) after one more battle, Elo points squared (A-optimal design)";
        return new Plan(criterion, lambda, centredTrace * elo2, all.subList(0, Math.min(howMany, all.size())));
    }
}
