package io.augur.aggregate.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.RankCorrelation;
import java.util.Map;
import java.util.TreeSet;

/**
 * Agreement between two rankings of the same systems: Kendall tau-b with the number of discordant
 * pairs (the pairs the two rankings order differently) and Spearman's rho on average ranks, as
 * computed by {@link RankCorrelation}. Each ranking is a map from system to a value that orders it:
 * scores or positions, oriented the same way in both maps (positions against positions, or scores
 * against scores). Equal values are ties.
 *
 * @param systems number of systems compared
 * @param kendallTauB tau-b in [-1, 1]
 * @param spearmanRho rho in [-1, 1]
 * @param concordantPairs pairs ordered the same way
 * @param discordantPairs pairs ordered oppositely
 * @param tiedInFirst pairs tied in the first ranking only
 * @param tiedInSecond pairs tied in the second ranking only
 * @param tiedInBoth pairs tied in both
 */
public record RankAgreement(int systems, double kendallTauB, double spearmanRho, long concordantPairs, long discordantPairs,
        long tiedInFirst, long tiedInSecond, long tiedInBoth) {

    /** Agreement of two value maps over the same set of systems (fields {@code first}, {@code second}). */
    public static RankAgreement between(Map<String, Double> first, Map<String, Double> second) {
        if (first == null || first.isEmpty()) {
            throw new InvalidInputException("first", "is empty");
        }
        if (second == null || second.isEmpty()) {
            throw new InvalidInputException("second", "is empty");
        }
        TreeSet<String> names = new TreeSet<>(first.keySet());
        for (String s : names) {
            if (!second.containsKey(s)) {
                throw new InvalidInputException("second", "has no value for system '" + s + "' ranked in first");
            }
        }
        for (String s : new TreeSet<>(second.keySet())) {
            if (!first.containsKey(s)) {
                throw new InvalidInputException("first", "has no value for system '" + s + "' ranked in second");
            }
        }
        if (names.size() < 2) {
            throw new InvalidInputException("first", "ranks one system; agreement needs at least two");
        }
        double[] x = new double[names.size()];
        double[] y = new double[names.size()];
        int i = 0;
        for (String s : names) {
            Double a = first.get(s);
            Double b = second.get(s);
            if (a == null || a.isNaN()) {
                throw new InvalidInputException("first." + s, "must be a number");
            }
            if (b == null || b.isNaN()) {
                throw new InvalidInputException("second." + s, "must be a number");
            }
            x[i] = a;
            y[i++] = b;
        }
        RankCorrelation.KendallTauB k = RankCorrelation.kendallTauB(x, y);
        if (Double.isNaN(k.tau())) {
            throw new InvalidInputException(k.tiedX() + k.tiedBoth() == k.n() * (k.n() - 1L) / 2 ? "first" : "second",
                    "ties every system: rank correlation is undefined");
        }
        return new RankAgreement(names.size(), k.tau(), RankCorrelation.spearman(x, y), k.concordant(), k.discordant(),
                k.tiedX(), k.tiedY(), k.tiedBoth());
    }

    /** Agreement of two social-choice rankings, by position. */
    public static RankAgreement between(SocialChoiceRanking first, SocialChoiceRanking second) {
        return between(positions(first), positions(second));
    }

    static Map<String, Double> positions(SocialChoiceRanking r) {
        Map<String, Double> m = new java.util.HashMap<>();
        for (SocialChoiceRanking.RankedSystem e : r.ranking()) {
            m.put(e.system(), (double) e.position());
        }
        return m;
    }
}
