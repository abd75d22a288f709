package io.augur.forecast.engine;

import java.util.List;

/**
 * What to fit: a form, the observations, the loss (null: the form's default, or binomial for pass
 * counts), the bootstrap (rounds >= 0, seed, confidence level) and optional starting points (null: the
 * form's own starting grid).
 */
public record FitSpec(CurveForm form, List<Observation> points, Loss loss, int bootstrapRounds, long seed, double level,
        List<double[]> starts) {

    public static final int DEFAULT_ROUNDS = 1000;
    public static final long DEFAULT_SEED = 20261122L;

    public FitSpec {
        points = points == null ? null : List.copyOf(points);
        starts = starts == null ? null : starts.stream().map(double[]::clone).toList();
        if (bootstrapRounds < 0) {
            throw new io.augur.stats.InvalidInputException("bootstrap.rounds", "must be >= 0, was " + bootstrapRounds);
        }
        if (!(level > 0 && level < 1)) {
            throw new io.augur.stats.InvalidInputException("level", "must be in (0, 1), was " + level);
        }
    }

    /** Defaults: the form's loss, 1,000 bootstrap rounds, seed 20261122, 95% intervals, the form's grid. */
    public static FitSpec of(CurveForm form, List<Observation> points) {
        return new FitSpec(form, points, null, DEFAULT_ROUNDS, DEFAULT_SEED, 0.95, null);
    }

    public FitSpec withBootstrap(int rounds, long seed) {
        return new FitSpec(form, points, loss, rounds, seed, level, starts);
    }

    public FitSpec withLoss(Loss l) {
        return new FitSpec(form, points, l, bootstrapRounds, seed, level, starts);
    }

    public FitSpec withLevel(double l) {
        return new FitSpec(form, points, loss, bootstrapRounds, seed, l, starts);
    }

    public FitSpec withPoints(List<Observation> p) {
        return new FitSpec(form, p, loss, bootstrapRounds, seed, level, starts);
    }

    public FitSpec withStarts(List<double[]> s) {
        return new FitSpec(form, points, loss, bootstrapRounds, seed, level, s);
    }

    /** The loss actually used. */
    public Loss effectiveLoss() {
        if (loss != null) {
            return loss;
        }
        if (points != null && !points.isEmpty() && points.get(0).isCount()) {
            return Loss.binomial();
        }
        return form.defaultLoss();
    }
}
