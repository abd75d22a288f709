package io.augur.matrix.engine;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a two-model router from item-level results, as RouteLLM (Ong et al. 2024,
 * routellm/evals/evaluate.py) and RouterBench (Hu et al. 2024) define it. Every prompt has a score and a
 * cost for the strong and the weak model and a router score (higher = send to the strong model).
 * Sweeping the threshold over the router scores sends the top share of prompts to the strong model and
 * traces the quality-cost curve (quality = mean score, cost = mean cost per prompt), from all-weak to
 * all-strong.
 * <ul>
 * <li>AUC: the area under quality against the share of strong calls (trapezoids, share in [0, 1]).</li>
 * <li>APGR, the average performance gap recovered: (AUC - weak x span) / ((strong - weak) x span).</li>
 * <li>The strong-call share and the cost needed to reach 50% and 80% of the performance gap
 * (RouteLLM's CPT(50%), CPT(80%)): the first crossing along the curve, linearly interpolated
 * (RouteLLM's np.interp when the curve is increasing).</li>
 * <li>AIQ (RouterBench): the area under the non-decreasing convex hull of the (cost, quality) points,
 * divided by the cost range.</li>
 * </ul>
 */
public final class RouterEvaluation {

    /** One item-level result. */
    public record Result(String model, String prompt, double score, double cost) {
    }

    public record Point(double threshold, double strongShare, double cost, double quality) {
    }

    public record Evaluation(int prompts, double weakQuality, double strongQuality, double weakCost, double strongCost,
            List<Point> curve, double auc, double apgr, Double strongShareFor50, Double costFor50, Double strongShareFor80,
            Double costFor80, double aiq, List<String> warnings) {
    }

    private RouterEvaluation() {
    }

    public static Evaluation evaluate(List<Result> results, String strong, String weak, Map<String, Double> routerScores) {
        if (strong == null || weak == null || strong.equals(weak)) {
            throw new InvalidInputException("strong", "name two different models, strong and weak");
        }
        if (results == null || results.isEmpty()) {
            throw new InvalidInputException("results", "must not be empty");
        }
        Map<String, double[]> byPrompt = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (r.prompt() == null || r.model() == null) {
                throw new InvalidInputException("results[" + i + "]", "needs a model and a prompt");
            }
            if (!Double.isFinite(r.score()) || !Double.isFinite(r.cost()) || r.cost() < 0) {
                throw new InvalidInputException("results[" + i + "]", "score must be finite and cost finite and >= 0");
            }
            int slot = r.model().equals(strong) ? 0 : r.model().equals(weak) ? 2 : -1;
            if (slot < 0) {
                continue;
            }
            double[] v = byPrompt.computeIfAbsent(r.prompt(), k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            if (!Double.isNaN(v[slot])) {
                throw new InvalidInputException("results[" + i + "]", "a second result of '" + r.model() + "' on prompt '" + r.prompt() + "'");
            }
            v[slot] = r.score();
            v[slot + 1] = r.cost();
        }
        if (byPrompt.isEmpty()) {
            throw new InvalidInputException("results", "no result of '" + strong + "' or '" + weak + "'");
        }
        List<String> prompts = new ArrayList<>(byPrompt.keySet());
        prompts.sort(null);
        for (String p : prompts) {
            double[] v = byPrompt.get(p);
            if (Double.isNaN(v[0]) || Double.isNaN(v[2])) {
                throw new InvalidInputException("results", "prompt '" + p + "' lacks a result of '" + (Double.isNaN(v[0]) ? strong : weak) + "'");
            }
            Double rs = routerScores == null ? null : routerScores.get(p);
            if (rs == null || !Double.isFinite(rs)) {
                throw new InvalidInputException("routerScores." + p, "no finite router score for prompt '" + p + "'");
            }
        }
        int n = prompts.size();
        prompts.sort((a, b) -> Double.compare(routerScores.get(b), routerScores.get(a)));
        double weakQ = 0;
        double weakC = 0;
        double strongQ = 0;
        double strongC = 0;
        for (String p : prompts) {
            double[] v = byPrompt.get(p);
            strongQ += v[0] / n;
            strongC += v[1] / n;
            weakQ += v[2] / n;
            weakC += v[3] / n;
        }
        List<Point> curve = new ArrayList<>();
        double q = weakQ;
        double c = weakC;
        curve.add(new Point(Double.POSITIVE_INFINITY, 0, c, q));
        for (int i = 0; i < n; ) {
            double t = routerScores.get(prompts.get(i));
            int j = i;
            while (j < n && routerScores.get(prompts.get(j)) == t) {
                double[] v = byPrompt.get(prompts.get(j));
                q += (v[0] - v[2]) / n;
                c += (v[1] - v[3]) / n;
                j++;
            }
            curve.add(new Point(t, (double) j / n, c, q));
            i = j;
        }
        double auc = 0;
        for (int i = 1; i < curve.size(); i++) {
            auc += (curve.get(i).strongShare() - curve.get(i - 1).strongShare()) * (curve.get(i).quality() + curve.get(i - 1).quality()) / 2;
        }
        List<String> warnings = new ArrayList<>();
        double gap = strongQ - weakQ;
        double apgr = Double.NaN;
        if (gap > 0) {
            apgr = (auc - weakQ) / gap;
        } else {
            warnings.add("the strong model is not better than the weak one on these prompts: APGR and the thresholds are undefined");
        }
        Double[] at50 = gap > 0 ? crossing(curve, weakQ + 0.5 * gap) : new Double[] {null, null};
        Double[] at80 = gap > 0 ? crossing(curve, weakQ + 0.8 * gap) : new Double[] {null, null};
        return new Evaluation(n, weakQ, strongQ, weakC, strongC, curve, auc, apgr, at50[0], at50[1], at80[0], at80[1],
                aiq(curve), warnings);
    }

    private static Double[] crossing(List<Point> curve, double target) {
        for (int i = 0; i < curve.size(); i++) {
            Point b = curve.get(i);
            if (b.quality() >= target) {
                if (i == 0) {
                    return new Double[] {b.strongShare(), b.cost()};
                }
                Point a = curve.get(i - 1);
                double f = (target - a.quality()) / (b.quality() - a.quality());
                return new Double[] {a.strongShare() + f * (b.strongShare() - a.strongShare()), a.cost() + f * (b.cost() - a.cost())};
            }
        }
        return new Double[] {null, null};
    }

    /** RouterBench's AIQ: area under the non-decreasing upper convex hull of (cost, quality), over the cost range. */
    static double aiq(List<Point> curve) {
        List<double[]> pts = new ArrayList<>();
        for (Point p : curve) {
            pts.add(new double[] {p.cost(), p.quality()});
        }
        pts.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
        double lo = pts.get(0)[0];
        double hi = pts.get(pts.size() - 1)[0];
        if (!(hi > lo)) {
            return pts.stream().mapToDouble(p -> p[1]).max().orElse(Double.NaN);
        }
        // upper hull (Andrew's monotone chain), then made non-decreasing: beyond the best point quality stays flat
        List<double[]> hull = new ArrayList<>();
        for (double[] p : pts) {
            while (hull.size() >= 2) {
                double[] a = hull.get(hull.size() - 2);
                double[] b = hull.get(hull.size() - 1);
                if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0) {
                    hull.remove(hull.size() - 1);
                } else {
                    break;
                }
            }
            hull.add(p);
        }
        double area = 0;
        double running = hull.get(0)[1];
        for (int i = 1; i < hull.size(); i++) {
            double[] a = hull.get(i - 1);
            double[] b = hull.get(i);
            double qa = Math.max(running, a[1]);
            double qb = Math.max(qa, b[1]);
            area += (b[0] - a[0]) * (qa + qb) / 2;
            running = qb;
        }
        return area / (hi - lo);
    }
}
