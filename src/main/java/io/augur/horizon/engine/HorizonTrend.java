package io.augur.horizon.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Interval;
import io.augur.stats.Quantiles;
import io.augur.stats.RandomStreams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The trend of time horizons against release date, as METR fits it (eval-analysis-public
 * compute_trendline_ci.py, plot/logistic.py fit_trendline): ordinary least squares of ln(horizon) on the
 * release date in days; doubling time = ln 2 / slope. The frontier is METR's: a model counts when its
 * horizon is at least the highest horizon released on or before its date. The doubling time's interval
 * comes from a bootstrap over the models (resample the points with replacement, refit; resamples with a
 * single date or a non-positive slope have no doubling time and are left out, as in METR's code).
 * Months are days / (365.25 / 12).
 */
public final class HorizonTrend {

    /** Days per month, 365.25 / 12. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    private HorizonTrend() {
    }

    /** Bootstrap settings of a trend: rounds (0 for none), seed, level. */
    public record Settings(int rounds, long seed, double level) {
        public Settings {
            if (rounds < 0 || rounds > HorizonSettings.MAX_ROUNDS) {
                throw new InvalidInputException("rounds", "must be between 0 and " + HorizonSettings.MAX_ROUNDS
                        + ", was " + rounds);
            }
            if (!(level > 0 && level < 1)) {
                throw new InvalidInputException("level", "must be in (0, 1), was " + level);
            }
        }
    }

    /**
     * An exponential trend ln(minutes) = intercept + slope * (days since 1970-01-01).
     *
     * @param doublingMonthsInterval bootstrap percentile interval over models (null without rounds)
     * @param bootstrapSlopes the usable resamples' slopes (per day), for forecasts
     * @param bootstrapIntercepts their intercepts
     */
    public record Trend(List<String> models, LocalDate firstRelease, LocalDate lastRelease, double slopePerDay, double intercept, double doublingDays,
            double doublingMonths, Interval doublingMonthsInterval, double rSquared, double residualSd,
            int usableRounds, Settings settings, List<String> warnings, double[] bootstrapSlopes,
            double[] bootstrapIntercepts) {

        /** ln(minutes) predicted at a date. */
        public double lnMinutesAt(LocalDate date) {
            return intercept + slopePerDay * date.toEpochDay();
        }
    }

    /** The date at which the trend reaches a horizon, with the bootstrap interval of that date. */
    public record DateForecast(double minutes, LocalDate date, LocalDate lower, LocalDate upper, double level,
            String method, List<String> warnings) {
    }

    /** METR's frontier: models whose horizon is >= the best released on or before their date, in date order. */
    public static List<ModelHorizon> frontier(List<ModelHorizon> models, LocalDate onOrAfter, LocalDate before) {
        List<ModelHorizon> sorted = validated(models, 1).stream()
                .filter(m -> onOrAfter == null || !m.releaseDate().isBefore(onOrAfter))
                .filter(m -> before == null || m.releaseDate().isBefore(before))
                .sorted(Comparator.comparing(ModelHorizon::releaseDate).thenComparing(ModelHorizon::model)).toList();
        List<ModelHorizon> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int i = 0;
        while (i < sorted.size()) {
            LocalDate date = sorted.get(i).releaseDate();
            int j = i;
            while (j < sorted.size() && sorted.get(j).releaseDate().equals(date)) {
                best = Math.max(best, sorted.get(j).minutes());
                j++;
            }
            for (int k = i; k < j; k++) {
                if (sorted.get(k).minutes() >= best) {
                    out.add(sorted.get(k));
                }
            }
            i = j;
        }
        return out;
    }

    public static Trend fit(List<ModelHorizon> points, Settings settings) {
        List<ModelHorizon> pts = validated(points, 2);
        int n = pts.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pts.get(i).releaseDate().toEpochDay();
            y[i] = Math.log(pts.get(i).minutes());
        }
        double[] ab = ols(x, y, null);
        if (ab == null) {
            throw new InvalidInputException("models", "all models share one release date: no trend over time");
        }
        double slope = ab[1];
        List<String> warnings = new ArrayList<>();
        if (slope <= 0) {
            warnings.add("the horizons do not grow over time (slope " + slope + " per day): no doubling time");
        }
        double my = Arrays.stream(y).average().orElseThrow();
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - ab[0] - slope * x[i];
            rss += r * r;
            tss += (y[i] - my) * (y[i] - my);
        }
        double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;
        double sd = n > 2 ? Math.sqrt(rss / (n - 2)) : Double.NaN;
        int rounds = settings.rounds();
        double[] slopes = new double[rounds];
        double[] intercepts = new double[rounds];
        int usable = 0;
        int[] idx = new int[n];
        for (int r = 0; r < rounds; r++) {
            if (io.augur.stats.Workers.cancelled()) {
                throw new CancellationException("trend bootstrap interrupted at round " + r);
            }
            UniformRandomProvider rng = RandomStreams.stream(settings.seed(), r);
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            double[] b = ols(x, y, idx);
            if (b == null || b[1] <= 0) {
                continue;
            }
            slopes[usable] = b[1];
            intercepts[usable] = b[0];
            usable++;
        }
        slopes = Arrays.copyOf(slopes, usable);
        intercepts = Arrays.copyOf(intercepts, usable);
        Interval ci = null;
        if (usable > 0) {
            double[] months = Arrays.stream(slopes).map(s -> Math.log(2) / s / DAYS_PER_MONTH).toArray();
            ci = Quantiles.percentileInterval(months, settings.level(),
                    "percentile bootstrap over models, " + rounds + " rounds (" + usable + " usable)");
        }
        if (rounds > 0 && usable < 0.975 * rounds) {
            warnings.add((rounds - usable) + " of " + rounds + " resamples had no positive slope and were left out:"
                    + " the interval is not trustworthy");
        }
        if (n < 5) {
            warnings.add("only " + n + " models: the trend and its interval rest on very few points");
        }
        double doublingDays = Math.log(2) / slope;
        return new Trend(pts.stream().map(ModelHorizon::model).toList(), pts.get(0).releaseDate(),
                pts.get(n - 1).releaseDate(), slope, ab[0], doublingDays,
                doublingDays / DAYS_PER_MONTH, ci, r2, sd, usable, settings, List.copyOf(warnings), slopes, intercepts);
    }

    /** The date the trend reaches {@code minutes}, with the bootstrap interval of that date. */
    public static DateForecast dateReaching(Trend trend, double minutes) {
        if (!(minutes > 0 && Double.isFinite(minutes))) {
            throw new InvalidInputException("targetMinutes", "must be a finite number of minutes above 0, was " + minutes);
        }
        List<String> warnings = new ArrayList<>();
        if (trend.slopePerDay() <= 0) {
            throw new InvalidInputException("models", "the horizons do not grow over time: no date reaches "
                    + minutes + " min");
        }
        double day = (Math.log(minutes) - trend.intercept()) / trend.slopePerDay();
        LocalDate lower = null;
        LocalDate upper = null;
        if (trend.bootstrapSlopes().length > 0) {
            double[] days = new double[trend.bootstrapSlopes().length];
            for (int i = 0; i < days.length; i++) {
                days[i] = (Math.log(minutes) - trend.bootstrapIntercepts()[i]) / trend.bootstrapSlopes()[i];
            }
            Interval ci = Quantiles.percentileInterval(days, trend.settings().level(), "bootstrap");
            lower = toDate(ci.lower());
            upper = toDate(ci.upper());
        }
        long span = trend.lastRelease().toEpochDay() - trend.firstRelease().toEpochDay();
        if (day > trend.lastRelease().toEpochDay() + span) {
            warnings.add("the forecast lies further past the last model than the data span: a long extrapolation");
        }
        return new DateForecast(minutes, toDate(day), lower, upper, trend.settings().level(),
                "bootstrap over models, " + trend.bootstrapSlopes().length + " usable rounds", List.copyOf(warnings));
    }

    private static LocalDate toDate(double epochDay) {
        double clamped = Math.max(LocalDate.MIN.toEpochDay(), Math.min(LocalDate.MAX.toEpochDay(), Math.rint(epochDay)));
        return LocalDate.ofEpochDay((long) clamped);
    }

    /** One later model predicted by a trend fitted on the earlier ones. */
    public record BacktestPoint(String model, LocalDate releaseDate, double observedMinutes, double predictedMinutes,
            double lowerMinutes, double upperMinutes, double errorDoublings, boolean inside) {
    }

    /**
     * Fit on the points released before {@code cutoff}, predict those released on or after it with the
     * OLS prediction interval on ln(minutes): yhat +- t_{n-2} s sqrt(1 + 1/n + (x - xbar)^2 / Sxx).
     * The error of a prediction in doublings is log2(observed / predicted).
     */
    public record Backtest(LocalDate cutoff, Trend trained, List<BacktestPoint> predictions,
            double meanAbsoluteErrorDoublings, int inside, double level) {
    }

    public static Backtest backtest(List<ModelHorizon> points, LocalDate cutoff, Settings settings) {
        if (cutoff == null) {
            throw new InvalidInputException("cutoff", "missing");
        }
        List<ModelHorizon> pts = validated(points, 2);
        List<ModelHorizon> train = pts.stream().filter(p -> p.releaseDate().isBefore(cutoff)).toList();
        List<ModelHorizon> test = pts.stream().filter(p -> !p.releaseDate().isBefore(cutoff)).toList();
        if (train.size() < 3) {
            throw new InvalidInputException("cutoff", "only " + train.size() + " models released before " + cutoff
                    + ": a backtest needs at least 3 to fit and 1 to predict");
        }
        if (test.isEmpty()) {
            throw new InvalidInputException("cutoff", "no model released on or after " + cutoff + " to predict");
        }
        Trend t = fit(train, settings);
        int n = train.size();
        double xbar = train.stream().mapToDouble(p -> p.releaseDate().toEpochDay()).average().orElseThrow();
        double sxx = train.stream().mapToDouble(p -> Math.pow(p.releaseDate().toEpochDay() - xbar, 2)).sum();
        double tq = TDistribution.of(n - 2).inverseCumulativeProbability((1 + settings.level()) / 2);
        List<BacktestPoint> out = new ArrayList<>();
        double mae = 0;
        int inside = 0;
        for (ModelHorizon p : test) {
            double x = p.releaseDate().toEpochDay();
            double yhat = t.lnMinutesAt(p.releaseDate());
            double half = tq * t.residualSd() * Math.sqrt(1 + 1.0 / n + (x - xbar) * (x - xbar) / sxx);
            double err = (Math.log(p.minutes()) - yhat) / Math.log(2);
            boolean in = Math.abs(Math.log(p.minutes()) - yhat) <= half;
            if (in) {
                inside++;
            }
            mae += Math.abs(err);
            out.add(new BacktestPoint(p.model(), p.releaseDate(), p.minutes(), Math.exp(yhat), Math.exp(yhat - half),
                    Math.exp(yhat + half), err, in));
        }
        return new Backtest(cutoff, t, List.copyOf(out), mae / test.size(), inside, settings.level());
    }

    /**
     * One trend shape fitted to ln(minutes): its residual sum of squares, parameter count k (incl. the
     * residual variance), AICc = n ln(RSS/n) + 2k + 2k(k+1)/(n-k-1), BIC = n ln(RSS/n) + k ln n, and the
     * leave-one-out root mean squared error of ln(minutes), in doublings.
     */
    public record ShapeFit(String shape, int parameters, double rss, double aicc, double bic, double looRmseDoublings,
            LocalDate breakDate, Double doublingMonthsBefore, Double doublingMonthsAfter) {
    }

    /**
     * Exponential (one slope) against a change of slope (continuous hinge: ln h = a + b t + c (t - tau)+,
     * with tau searched over the observed dates leaving at least 3 points on each side and profiled out).
     *
     * @param preferredByAicc the shape with the lower AICc
     * @param preferredByLoo the shape with the lower leave-one-out error
     */
    public record ShapeComparison(int models, ShapeFit exponential, ShapeFit piecewise, String preferredByAicc,
            String preferredByLoo, List<String> warnings) {
    }

    public static ShapeComparison compareShapes(List<ModelHorizon> points) {
        List<ModelHorizon> pts = validated(points, 3);
        int n = pts.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pts.get(i).releaseDate().toEpochDay();
            y[i] = Math.log(pts.get(i).minutes());
        }
        List<String> warnings = new ArrayList<>();
        double rssExp = linearRss(x, y);
        ShapeFit exp = new ShapeFit("exponential", 3, rssExp, aicc(rssExp, n, 3), bic(rssExp, n, 3),
                looExponential(x, y), null, null, null);
        ShapeFit hinge = null;
        if (n < 7) {
            warnings.add("a change of slope needs at least 7 models (3 on each side of the break and an AICc"
                    + " that exists); only " + n + " given");
        } else {
            Hinge h = bestHinge(x, y, -1);
            if (h == null) {
                warnings.add("no date leaves 3 models on each side of a break: the change of slope was not fitted");
            } else {
                double loo = looHinge(x, y);
                hinge = new ShapeFit("piecewise", 5, h.rss, aicc(h.rss, n, 5), bic(h.rss, n, 5), loo,
                        LocalDate.ofEpochDay((long) h.tau), doublingMonths(h.b), doublingMonths(h.b + h.c));
            }
        }
        String byAicc = hinge == null || exp.aicc() <= hinge.aicc() ? "exponential" : "piecewise";
        String byLoo = hinge == null || Double.isNaN(hinge.looRmseDoublings())
                || exp.looRmseDoublings() <= hinge.looRmseDoublings() ? "exponential" : "piecewise";
        return new ShapeComparison(n, exp, hinge, byAicc, byLoo, List.copyOf(warnings));
    }

    private static Double doublingMonths(double slopePerDay) {
        return slopePerDay > 0 ? Math.log(2) / slopePerDay / DAYS_PER_MONTH : null;
    }

    private record Hinge(double tau, double a, double b, double c, double rss) {
    }

    /** Best continuous hinge over candidate breaks, leaving out point {@code skip} (or none when -1). */
    private static Hinge bestHinge(double[] x, double[] y, int skip) {
        int m = skip < 0 ? x.length : x.length - 1;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (i != skip) {
                xs[k] = x[i];
                ys[k++] = y[i];
            }
        }
        double[] sortedX = xs.clone();
        Arrays.sort(sortedX);
        Hinge best = null;
        for (int j = 2; j <= m - 4; j++) {
            double tau = sortedX[j];
            int left = 0;
            int right = 0;
            for (double v : xs) {
                if (v <= tau) {
                    left++;
                } else {
                    right++;
                }
            }
            if (left < 3 || right < 3 || (best != null && tau == best.tau)) {
                continue;
            }
            double[][] design = new double[m][3];
            for (int i = 0; i < m; i++) {
                design[i][0] = 1;
                design[i][1] = xs[i] - sortedX[0];
                design[i][2] = Math.max(0, xs[i] - tau);
            }
            double[] beta;
            try {
                beta = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
                        .solve(new ArrayRealVector(ys, false)).toArray();
            } catch (RuntimeException singular) {
                continue;
            }
            double rss = 0;
            for (int i = 0; i < m; i++) {
                double r = ys[i] - beta[0] - beta[1] * design[i][1] - beta[2] * design[i][2];
                rss += r * r;
            }
            if (best == null || rss < best.rss) {
                best = new Hinge(tau, beta[0] - beta[1] * sortedX[0], beta[1], beta[2], rss);
            }
        }
        return best;
    }

    private static double looHinge(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            Hinge h = bestHinge(x, y, i);
            if (h == null) {
                return Double.NaN;
            }
            double pred = h.a + h.b * x[i] + h.c * Math.max(0, x[i] - h.tau);
            s += (y[i] - pred) * (y[i] - pred);
        }
        return Math.sqrt(s / x.length) / Math.log(2);
    }

    private static double looExponential(double[] x, double[] y) {
        double s = 0;
        int n = x.length;
        int[] idx = new int[n - 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = 0; j < n; j++) {
                if (j != i) {
                    idx[k++] = j;
                }
            }
            double[] ab = ols(x, y, idx);
            if (ab == null) {
                return Double.NaN;
            }
            double r = y[i] - ab[0] - ab[1] * x[i];
            s += r * r;
        }
        return Math.sqrt(s / n) / Math.log(2);
    }

    private static double linearRss(double[] x, double[] y) {
        double[] ab = ols(x, y, null);
        if (ab == null) {
            throw new InvalidInputException("models", "all models share one release date: no trend over time");
        }
        double rss = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - ab[0] - ab[1] * x[i];
            rss += r * r;
        }
        return rss;
    }

    private static double aicc(double rss, int n, int k) {
        double base = n * Math.log(rss / n) + 2 * k;
        return n - k - 1 > 0 ? base + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    }

    private static double bic(double rss, int n, int k) {
        return n * Math.log(rss / n) + k * Math.log(n);
    }

    /** OLS intercept and slope of y on x over the rows idx (all rows when null); null when x is constant. */
    static double[] ols(double[] x, double[] y, int[] idx) {
        int n = idx == null ? x.length : idx.length;
        double mx = 0;
        double my = 0;
        for (int k = 0; k < n; k++) {
            int i = idx == null ? k : idx[k];
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            int i = idx == null ? k : idx[k];
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            return null;
        }
        double b = sxy / sxx;
        return new double[] {my - b * mx, b};
    }

    private static List<ModelHorizon> validated(List<ModelHorizon> models, int min) {
        if (models == null || models.size() < min) {
            throw new InvalidInputException("models", "need at least " + min + " models with a horizon and a release"
                    + " date, got " + (models == null ? 0 : models.size()));
        }
        for (int i = 0; i < models.size(); i++) {
            ModelHorizon m = models.get(i);
            String at = "models[" + i + "]";
            if (m == null) {
                throw new InvalidInputException(at, "missing");
            }
            if (m.model() == null || m.model().isBlank()) {
                throw new InvalidInputException(at + ".model", "missing or blank");
            }
            if (m.releaseDate() == null) {
                throw new InvalidInputException(at + ".releaseDate", "missing");
            }
            if (!(m.minutes() > 0 && Double.isFinite(m.minutes()))) {
                throw new InvalidInputException(at + ".minutes", "must be a finite number of minutes above 0 (a model"
                        + " with an unbounded horizon cannot be a point of the trend), was " + m.minutes());
            }
        }
        return models.stream().sorted(Comparator.comparing(ModelHorizon::releaseDate).thenComparing(ModelHorizon::model)
                .thenComparingDouble(ModelHorizon::minutes)).toList();
    }
}
