package io.augur.retrieval.engine.measure;

import io.augur.retrieval.engine.RankedQuery;

/**
 * rbp: rank-biased precision, (1 - p) sum_i g(d_i) p^(i-1) with persistence p = 0.9 (parameter
 * "p=0.8" changes it) and gains rescaled into [0, 1] when any lies outside (Moffat and Zobel, ACM TOIS
 * 27(1) 2008; trec_eval m_rbp.c). trec_eval leaves its min/max accumulators uninitialised; we start
 * them at 0, which is what it computes whenever level 0 is judged (the usual case).
 */
public final class Rbp extends TrecMeasure {
    private final Gains.Pair[] pairs;
    private final double p;

    public Rbp(String params) {
        super("rbp", Params.printable("rbp", params));
        this.pairs = Params.pairs("rbp", params);
        this.p = persistence(pairs);
    }

    static double persistence(Gains.Pair[] pairs) {
        double p = 0.9;
        for (Gains.Pair pair : pairs) {
            if (pair.name().equals("p")) {
                p = pair.value();
            }
        }
        return p;
    }

    @Override
    public void compute(RankedQuery q, double[] out, int offset) {
        Gains gains = new Gains(pairs, q);
        double min = 0;
        double max = 0;
        for (int i = 0; i < gains.size; i++) {
            min = Math.min(min, gains.gain[i]);
            max = Math.max(max, gains.gain[i]);
        }
        boolean rescale = min < 0 || max > 1;
        double sum = 0;
        double curP = 1.0;
        for (int i = 0; i < q.numRet(); i++) {
            double g = gains.gainOf(q.rel(i));
            if (rescale) {
                // the rescaled table maps each listed level; unlisted levels (unjudged) keep gain 0
                g = gains.listed(q.rel(i)) ? (g - min) / (max - min) : 0.0;
            }
            if (g != 0) {
                sum += g * curP;
            }
            curP *= p;
        }
        out[offset] = (1.0 - p) * sum;
    }
}
