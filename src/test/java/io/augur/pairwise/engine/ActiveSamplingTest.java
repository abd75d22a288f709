package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class ActiveSamplingTest {

    @Test
    void reductionEqualsTheDirectTraceDifference() throws IOException {
        PairCounts counts = new SyntheticArena(6, 5).counts(600, 6);
        ActiveSampling.Plan plan = ActiveSampling.suggest(counts, BradleyTerry.Options.defaults(), 15);
        assertEquals(15, plan.suggestions().size());
        BradleyTerryFit fit = BradleyTerry.fit(counts, BradleyTerry.Options.defaults());
        // Fisher information from the fit, built independently of the engine's Hessian code
        int n = 6;
        double[][] info = new double[n][n];
        for (PairCount r : counts.rows()) {
            int a = counts.models().indexOf(r.modelA());
            int b = counts.models().indexOf(r.modelB());
            double p = fit.winProbability(r.modelA(), r.modelB()).aWins();
            double h = r.total() * p * (1 - p);
            info[a][a] += h;
            info[b][b] += h;
            info[a][b] -= h;
            info[b][a] -= h;
        }
        double before = trace(pinv(info));
        for (ActiveSampling.Suggestion s : plan.suggestions()) {
            int a = counts.models().indexOf(s.modelA());
            int b = counts.models().indexOf(s.modelB());
            double p = s.aWinsProbability();
            double h = p * (1 - p);
            double[][] more = new double[n][];
            for (int i = 0; i < n; i++) {
                more[i] = info[i].clone();
            }
            more[a][a] += h;
            more[b][b] += h;
            more[a][b] -= h;
            more[b][a] -= h;
            double expected = (before - trace(pinv(more))) * BradleyTerry.ELO_PER_NAT * BradleyTerry.ELO_PER_NAT;
            assertEquals(expected, s.expectedVarianceReduction(), 1e-6 * expected, s.toString());
        }
        assertEquals(before * BradleyTerry.ELO_PER_NAT * BradleyTerry.ELO_PER_NAT, plan.totalRatingVariance(), 1e-6);
        for (int k = 1; k < plan.suggestions().size(); k++) {
            assertTrue(plan.suggestions().get(k - 1).expectedVarianceReduction()
                    >= plan.suggestions().get(k).expectedVarianceReduction());
        }
    }

    @Test
    void aNewcomerIsSuggestedFirst() throws IOException {
        PairCounts.Builder b = new SyntheticArena(8, 1).counts(4000, 2).toBuilder();
        b.add("newcomer", SyntheticArena.name(0), Outcome.A_WINS); // unbounded: one battle, all won
        ActiveSampling.Plan plan = ActiveSampling.suggest(b.build(), BradleyTerry.Options.defaults(), 3);
        assertEquals(BradleyTerry.FALLBACK_PRIOR, plan.prior());
        for (ActiveSampling.Suggestion s : plan.suggestions()) {
            assertTrue(s.modelA().equals("newcomer") || s.modelB().equals("newcomer"), s.toString());
        }
    }

    static RealMatrix pinv(double[][] m) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(m)).getSolver().getInverse();
    }

    static double trace(RealMatrix m) {
        return m.getTrace();
    }
}
