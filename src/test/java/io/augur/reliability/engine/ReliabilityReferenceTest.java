package io.augur.reliability.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import io.augur.stats.MultipleTesting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closed forms against scipy/numpy; every reference value carries the command that produced it. */
class ReliabilityReferenceTest {

    static final ResamplingSettings NONE = new ResamplingSettings(0, 1, 0.95);

    @Test
    void wilsonInterval() {
        // python3 -c "import numpy as np; from scipy.stats import norm; z=norm.ppf(0.975); k=37; n=50;
        //   c=(k+z*z/2)/(n+z*z); h=z/(n+z*z)*np.sqrt(k*(n-k)/n+z*z/4); print(c-h, c+h)"
        // -> 0.6044684273515116 0.841284725064476
        double[] v = new double[50];
        for (int i = 0; i < 37; i++) {
            v[i] = 1;
        }
        var r = ScoreErrorBars.estimate(ItemScores.of(v), NONE);
        assertEquals(0.74, r.score(), 1e-15);
        assertEquals(0.6044684273515116, r.wilsonInterval().lower(), 1e-12);
        assertEquals(0.841284725064476, r.wilsonInterval().upper(), 1e-12);
    }

    @Test
    void clusteredStandardError() {
        // python3 -c "import numpy as np; v=np.array([1,0,1,1,0,1,0,0,1,1.]); cl=np.array(list('aaabbcccdd'));
        //   m=v.mean(); G=4; s=sum((v[cl==g]-m).sum()**2 for g in 'abcd'); print(np.sqrt(s*G/(G-1))/len(v),
        //   v.std(ddof=1)/np.sqrt(len(v)))"  -> 0.1346600658448277 0.16329931618554522 ; t(3).ppf(.975)=3.1824463052837078
        double[][] s = {{1}, {0}, {1}, {1}, {0}, {1}, {0}, {0}, {1}, {1}};
        String[] c = "a a a b b c c c d d".split(" ");
        var r = ScoreErrorBars.estimate(new ItemScores(s, c), NONE);
        assertEquals(0.16329931618554522, r.standardError(), 1e-14);
        assertEquals(0.1346600658448277, r.clusteredStandardError(), 1e-14);
        assertEquals(4, r.clusters());
        assertEquals(0.6 - 3.1824463052837078 * 0.1346600658448277, r.normalInterval().lower(), 1e-9);
        assertNull(r.wilsonInterval(), "Wilson assumes independent items");
    }

    @Test
    void pairedDifferenceMcNemarAndHolm() {
        // 60 items: 40 only A right, 20 only B right, others both wrong
        double[] a = new double[100];
        double[] b = new double[100];
        for (int i = 0; i < 40; i++) {
            a[i] = 1;
        }
        for (int i = 40; i < 60; i++) {
            b[i] = 1;
        }
        var r = PairedComparison.compare("A", ItemScores.of(a), "B", ItemScores.of(b), NONE);
        assertEquals(0.2, r.difference(), 1e-15);
        assertEquals(40, r.mcnemar().onlyFirstCorrect());
        // python3 -c "from scipy.stats import chi2; print(chi2.sf((abs(40-20)-1)**2/60,1))" -> 0.014171388254012323
        assertEquals(0.014171388254012323, r.mcnemar().pValue(), 1e-12);
        // exact for small discordant counts: python3 -c "from scipy.stats import binomtest; print(binomtest(3,15,0.5).pvalue)"
        // -> 0.03515625
        double[] c = new double[30];
        double[] d = new double[30];
        for (int i = 0; i < 3; i++) {
            c[i] = 1;
        }
        for (int i = 3; i < 15; i++) {
            d[i] = 1;
        }
        var small = PairedComparison.compare("C", ItemScores.of(c), "D", ItemScores.of(d), new ResamplingSettings(20_000, 5, 0.95));
        assertEquals(0.03515625, small.mcnemar().pValue(), 1e-12);
        assertTrue(small.mcnemar().method().contains("exact"));
        // for 0/1 scores the sign-flip distribution is the exact McNemar one: the permutation p agrees
        assertEquals(0.03515625, small.permutationPValue(), 0.006);

        var many = PairedComparison.compareMany(Map.of("A", ItemScores.of(a), "B", ItemScores.of(b),
                "C", ItemScores.of(c.length == 100 ? c : pad(c, 100))), null, NONE);
        assertEquals(3, many.size());
        double[] raw = many.stream().mapToDouble(PairedComparison.PairedResult::pValue).toArray();
        double[] holm = MultipleTesting.holm(raw);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(holm[i], many.get(i).adjustedPValue(), 0);
        }
        var vsBase = PairedComparison.compareMany(Map.of("A", ItemScores.of(a), "B", ItemScores.of(b),
                "C", ItemScores.of(pad(c, 100))), "B", NONE);
        assertEquals(List.of("A", "C"), vsBase.stream().map(PairedComparison.PairedResult::first).toList());
    }

    static double[] pad(double[] v, int n) {
        return java.util.Arrays.copyOf(v, n);
    }

    @Test
    void powerClosedForms() {
        // python3 -c "from scipy.stats import norm; import numpy as np; z=norm.ppf(0.975)+norm.ppf(0.8); print(z,
        //   z*0.5/np.sqrt(1000), np.ceil((z*0.6/0.02)**2), np.ceil(2*(z*0.005/0.01)**2), np.sqrt(2*0.7*0.3*(1-0.4)))"
        // -> 2.8015852181129683 0.04429695174148298 7064.0 4.0 0.5019960159204453
        assertEquals(2.8015852181129683, Power.zSum(0.05, 0.8), 1e-12);
        assertEquals(0.04429695174148298, Power.minimumDetectableEffect(1000, 0.5, 0.05, 0.8), 1e-14);
        assertEquals(7064, Power.itemsNeeded(0.02, 0.6, 0.05, 0.8));
        assertEquals(4, Power.seedsNeeded(0.01, 0.005, 0.05, 0.8));
        assertEquals(0.5019960159204453, Power.sdFromAccuracy(0.7, 0.4), 1e-14);
        // MDE and items needed are inverses of each other
        double mde = Power.minimumDetectableEffect(7064, 0.6, 0.05, 0.8);
        assertTrue(mde <= 0.02 && mde > 0.0199);
    }

    @Test
    void passAtK() {
        // python3 -c "from math import comb; print(1-comb(200-13,10)/comb(200,10), 1-comb(1000-3,100)/comb(1000,100))"
        // -> 0.4975511147306061 0.27124338767625344
        assertEquals(0.4975511147306061, PassAtK.unbiased(200, 13, 10), 1e-13);
        assertEquals(0.27124338767625344, PassAtK.unbiased(1000, 3, 100), 1e-13);
        assertEquals(0.2, PassAtK.unbiased(5, 1, 1), 1e-15);
        assertEquals(1.0, PassAtK.unbiased(10, 8, 3));
        assertEquals(0.0, PassAtK.unbiased(10, 0, 3));
        var r = PassAtK.estimate(new int[] {5, 10}, new int[] {1, 10}, 1);
        assertEquals(0.6, r.passAtK(), 1e-15);
        assertThrows(InvalidInputException.class, () -> PassAtK.unbiased(5, 6, 1));
        assertThrows(InvalidInputException.class, () -> PassAtK.unbiased(5, 2, 6));
    }

    @Test
    void signalNoiseAndSeeds() {
        // python3 -c "import numpy as np; f=np.array([0.40,0.45,0.52,0.60]); l=np.array([0.59,0.61,0.60,0.62,0.58]);
        //   s=(f.max()-f.min())/f.mean(); n=l.std(ddof=1)/l.mean(); print(s, n, s/n)"
        // -> 0.4060913705583755 0.026352313834736518 15.410084029246907
        var snr = SignalToNoise.of(new double[] {0.40, 0.45, 0.52, 0.60}, new double[][] {{0.59, 0.61, 0.60, 0.62, 0.58}});
        assertEquals(0.4060913705583755, snr.signal(), 1e-14);
        assertEquals(0.026352313834736518, snr.noise(), 1e-14);
        assertEquals(15.410084029246907, snr.ratio(), 1e-10);

        var da = SignalToNoise.decisionAccuracy(new double[] {1, 2, 3, 3}, new double[] {10, 30, 20, 40});
        // pairs: (0,1) ok (0,2) ok (0,3) ok (1,2) wrong (1,3) ok (2,3) small tie -> 0.5 ; 4.5 / 6
        assertEquals(6, da.pairs());
        assertEquals(0.75, da.accuracy(), 1e-15);

        // python3 -c "import numpy as np; from scipy.stats import kendalltau; sc=np.array([[0.30,0.35,0.41,0.40,0.47],
        //   [0.32,0.33,0.44,0.45,0.46],[0.29,0.37,0.40,0.43,0.49]]); sd=sc.std(axis=0,ddof=1); print(sd[-1],
        //   np.sqrt((sd**2).mean()), kendalltau([1,2,3,4,5], sc.mean(axis=0)).statistic)"
        // -> 0.015275252316519456 0.019663841605003497 1.0
        var sv = SeedVariance.of(new long[] {100, 200, 300, 400, 500}, new double[][] {
            {0.30, 0.35, 0.41, 0.40, 0.47}, {0.32, 0.33, 0.44, 0.45, 0.46}, {0.29, 0.37, 0.40, 0.43, 0.49}});
        assertEquals(0.015275252316519456, sv.finalSeedSd(), 1e-14);
        assertEquals(0.019663841605003497, sv.rmsSeedSd(), 1e-14);
        assertEquals(1.0, sv.monotonicity(), 1e-15);
    }

    @Test
    void badInputNamesTheField() {
        var e = assertThrows(InvalidInputException.class,
                () -> SeedVariance.of(new long[] {1, 2}, new double[][] {{0.1, 0.2}}));
        assertEquals("scores", e.field());
        assertTrue(e.reason().contains("at least two seeds"));
        e = assertThrows(InvalidInputException.class, () -> ScoreErrorBars.estimate(
                new ItemScores(new double[][] {{1}, {Double.NaN}}, null), NONE));
        assertEquals("scores[1]", e.field());
        e = assertThrows(InvalidInputException.class, () -> ScoreErrorBars.estimate(
                new ItemScores(new double[][] {{1}, {0}, {1}}, new String[] {"a", "a", "a"}), NONE));
        assertEquals("clusters", e.field());
        e = assertThrows(InvalidInputException.class, () -> PairedComparison.compare("A", ItemScores.of(new double[] {1, 0}),
                "B", ItemScores.of(new double[] {1, 0, 1}), NONE));
        assertEquals("scores.B", e.field());
        e = assertThrows(InvalidInputException.class, () -> Power.itemsNeeded(0, 0.5, 0.05, 0.8));
        assertEquals("effect", e.field());
        e = assertThrows(InvalidInputException.class, () -> new ResamplingSettings(1_000_000, 1, 0.95));
        assertEquals("rounds", e.field());
    }
}
