package io.augur.retrieval.engine.recommendation;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Top-k evaluation of recommendation lists, with the definitions of the recommender-systems literature
 * (Gunawardana and Shani, "Evaluating recommender systems", Recommender Systems Handbook 2015;
 * Valcarce et al., "On the robustness and discriminative power of IR metrics for top-N
 * recommendation", RecSys 2018). For user u with top-k list L (shorter lists are not padded) and
 * relevant set R (items with gain > 0):
 * <ul>
 *   <li>P@k = |L ∩ R| / k; R@k = |L ∩ R| / |R|;</li>
 *   <li>nDCG@k = DCG / IDCG, DCG = sum_i gain(L_i) / log2(i + 1) over ranks i = 1..k with the given
 *       (graded) gains, IDCG the DCG of the k best gains (Jarvelin and Kekalainen 2002);</li>
 *   <li>MRR@k: 1 / rank of the first relevant item in L, 0 if none;</li>
 *   <li>item (catalog) coverage = |∪_u L_u| / |catalog| (Ge, Delgado-Battenfeld and Jannach, RecSys 2010);</li>
 *   <li>average recommendation popularity ARP = mean_u (1/|L_u|) sum_{i in L_u} pop(i), pop(i) the
 *       item's interaction count in training (Yin et al., VLDB 2012; Abdollahpouri et al. 2019);</li>
 *   <li>Gini index of recommendation counts over the catalog, G = sum_j (2j - n - 1) c_(j) / (n sum c)
 *       with c sorted ascending and j = 1..n (Fleder and Hosanagar 2009; Adomavicius and Kwon 2012).</li>
 * </ul>
 * The per-user means carry a percentile bootstrap interval over users. Duplicate items in a list are
 * an error. Stateless and thread-safe.
 */
public final class RecommendationEvaluation {

    private RecommendationEvaluation() {
    }

    /**
     * @param lists       one ranked list per user
     * @param relevance   per user, item to gain (> 0 relevant); users absent here have no relevant items
     * @param popularity  item to training interaction count (items absent count 0)
     * @param catalog     all recommendable items; if empty, the items of popularity, relevance and lists
     * @param k           cutoff
     * @param level       confidence level of the intervals
     * @param seed        bootstrap seed
     * @param rounds      bootstrap rounds
     */
    public static RecommendationReport evaluate(List<UserRecommendations> lists,
            Map<String, Map<String, Double>> relevance, Map<String, Long> popularity, Set<String> catalog, int k,
            double level, long seed, int rounds) {
        if (k < 1) {
            throw new InvalidInputException("k", "must be at least 1, was " + k);
        }
        if (rounds < 1) {
            throw new InvalidInputException("bootstrapRounds", "must be at least 1, was " + rounds);
        }
        Set<String> cat = new HashSet<>(catalog);
        if (cat.isEmpty()) {
            cat.addAll(popularity.keySet());
            relevance.values().forEach(m -> cat.addAll(m.keySet()));
            lists.forEach(l -> cat.addAll(l.items()));
        }
        Map<String, Long> recCount = new HashMap<>();
        List<UserMetrics> perUser = new ArrayList<>();
        Set<String> seenUsers = new HashSet<>();
        int without = 0;
        double arpSum = 0;
        int arpUsers = 0;
        for (int li = 0; li < lists.size(); li++) {
            UserRecommendations l = lists.get(li);
            if (!seenUsers.add(l.user())) {
                throw new InvalidInputException("lists[" + li + "].user", "user '" + l.user() + "' has two lists");
            }
            int n = Math.min(k, l.items().size());
            Set<String> inList = new HashSet<>();
            double pop = 0;
            for (int i = 0; i < n; i++) {
                String item = l.items().get(i);
                if (!inList.add(item)) {
                    throw new InvalidInputException("lists[" + li + "].items[" + i + "]",
                            "item '" + item + "' appears twice in the list of user '" + l.user() + "'");
                }
                if (!cat.contains(item)) {
                    throw new InvalidInputException("lists[" + li + "].items[" + i + "]",
                            "item '" + item + "' is not in the catalog");
                }
                recCount.merge(item, 1L, Long::sum);
                pop += popularity.getOrDefault(item, 0L);
            }
            if (n > 0) {
                arpSum += pop / n;
                arpUsers++;
            }
            Map<String, Double> gains = relevance.getOrDefault(l.user(), Map.of());
            List<Double> positive = new ArrayList<>();
            for (double g : gains.values()) {
                if (g > 0) {
                    positive.add(g);
                }
            }
            if (positive.isEmpty()) {
                without++;
                continue;
            }
            positive.sort((a, b) -> Double.compare(b, a));
            int hits = 0;
            double dcg = 0;
            double rr = 0;
            for (int i = 0; i < n; i++) {
                double g = gains.getOrDefault(l.items().get(i), 0.0);
                if (g > 0) {
                    hits++;
                    dcg += g / log2(i + 2);
                    if (rr == 0) {
                        rr = 1.0 / (i + 1);
                    }
                }
            }
            double idcg = 0;
            for (int i = 0; i < Math.min(k, positive.size()); i++) {
                idcg += positive.get(i) / log2(i + 2);
            }
            perUser.add(new UserMetrics(l.user(), (double) hits / k, (double) hits / positive.size(), dcg / idcg, rr));
        }
        if (perUser.isEmpty()) {
            throw new InvalidInputException("relevance", "no user with a list has a relevant item");
        }
        long[] counts = new long[cat.size()];
        int j = 0;
        for (String item : cat) {
            counts[j++] = recCount.getOrDefault(item, 0L);
        }
        double gini = gini(counts);
        double coverage = cat.isEmpty() ? 0 : (double) recCount.size() / cat.size();
        int u = perUser.size();
        double[][] v = new double[4][u];
        for (int i = 0; i < u; i++) {
            UserMetrics m = perUser.get(i);
            v[0][i] = m.precision();
            v[1][i] = m.recall();
            v[2][i] = m.ndcg();
            v[3][i] = m.reciprocalRank();
        }
        Estimate[] e = new Estimate[4];
        for (int m = 0; m < 4; m++) {
            e[m] = bootstrapMean(v[m], level, seed, m, rounds);
        }
        return new RecommendationReport(k, u, without, e[0], e[1], e[2], e[3], recCount.size(), cat.size(), coverage,
                arpUsers == 0 ? 0 : arpSum / arpUsers, gini, perUser);
    }

    /** Gini index of non-negative counts (0 when all equal or all zero). */
    static double gini(long[] counts) {
        long[] c = counts.clone();
        java.util.Arrays.sort(c);
        int n = c.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += c[i];
            weighted += (2.0 * (i + 1) - n - 1) * c[i];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }

    private static Estimate bootstrapMean(double[] x, double level, long seed, int stream, int rounds) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        UniformRandomProvider rng = RandomStreams.stream(seed, stream);
        double[] reps = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[rng.nextInt(n)];
            }
            reps[r] = s / n;
        }
        return new Estimate(mean, Quantiles.percentileInterval(reps, level,
                "percentile bootstrap over users, " + rounds + " rounds, seed " + seed), seed);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
