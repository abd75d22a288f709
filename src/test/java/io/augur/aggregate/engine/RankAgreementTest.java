package io.augur.aggregate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.augur.stats.InvalidInputException;
import io.augur.stats.RankCorrelation;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.junit.jupiter.api.Test;

class RankAgreementTest {

    @Test
    void countsPairsAndMatchesCommonsMathTauB() {
        // x: 1 2 3 4 5 ; y: 1 3 2 5 4 -> discordant pairs (2,3) and (4,5): C = 8, D = 2, tau = 0.6
        RankCorrelation.KendallTauB k = RankCorrelation.kendallTauB(new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 2, 5, 4});
        assertEquals(8, k.concordant());
        assertEquals(2, k.discordant());
        assertEquals(0.6, k.tau(), 1e-12);
        Random r = new Random(1);
        for (int trial = 0; trial < 40; trial++) {
            int n = 3 + r.nextInt(30);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(5);
                y[i] = x[i] + r.nextInt(4);
            }
            RankCorrelation.KendallTauB kt = RankCorrelation.kendallTauB(x, y);
            double ref = new KendallsCorrelation().correlation(x, y);
            if (!Double.isNaN(ref)) {
                assertEquals(ref, kt.tau(), 1e-12);
            }
            assertEquals((long) n * (n - 1) / 2, kt.concordant() + kt.discordant() + kt.tiedX() + kt.tiedY() + kt.tiedBoth());
        }
    }

    @Test
    void spearmanUsesAverageRanks() {
        // x ranks 1, 2.5, 2.5, 4 ; y ranks 1, 2, 3, 4 -> rho = 0.9486832980505138 (scipy.stats.spearmanr)
        assertEquals(0.9486832980505138, RankCorrelation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), 1e-12);
    }

    @Test
    void agreementBetweenMaps() {
        RankAgreement a = RankAgreement.between(Map.of("a", 1.0, "b", 2.0, "c", 3.0), Map.of("a", 1.0, "b", 3.0, "c", 2.0));
        assertEquals(3, a.systems());
        assertEquals(1, a.discordantPairs());
        assertEquals(1.0 / 3, a.kendallTauB(), 1e-12);
        assertEquals(0.5, a.spearmanRho(), 1e-12);
        assertEquals("second", assertThrows(InvalidInputException.class,
                () -> RankAgreement.between(Map.of("a", 1.0, "b", 2.0), Map.of("a", 1.0))).field());
        assertEquals("first", assertThrows(InvalidInputException.class,
                () -> RankAgreement.between(Map.of("a", 1.0), Map.of("a", 1.0))).field());
        assertEquals("second.b", assertThrows(InvalidInputException.class,
                () -> RankAgreement.between(Map.of("a", 1.0, "b", 2.0), Map.of("a", 1.0, "b", Double.NaN))).field());
        assertEquals("first", assertThrows(InvalidInputException.class,
                () -> RankAgreement.between(Map.of("a", 1.0, "b", 1.0), Map.of("a", 1.0, "b", 2.0))).field());
    }
}
