package io.augur.horizon.api;

import io.augur.platform.api.BootstrapReport;
import io.augur.platform.api.BootstrapSettings;
import io.augur.horizon.engine.AgentHorizons;
import io.augur.horizon.engine.HorizonTrend;
import io.augur.stats.Interval;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response records of the horizon endpoints. */
public final class HorizonResponses {

    private HorizonResponses() {
    }

    @Schema(name = "HorizonEstimate", description = "A q-horizon: minutes null unless status is ESTIMATED")
    public record Horizon(double successLevel, Double minutes, Interval interval, AgentHorizons.Status status) {
    }

    @Schema(name = "AgentHorizons", description = "One agent's fitted curve and horizons")
    public record Agent(String agent, int runs, int tasks, double weightedSuccessRate, Double slope, Double intercept,
            double shortestTaskMinutes, double longestTaskMinutes, List<Horizon> horizons, int usableRounds,
            List<String> warnings) {
    }

    @Schema(name = "TimeHorizonsResponse", description = "Horizons per agent, with the settings used")
    public record TimeHorizons(double regularization, String weighting, BootstrapReport bootstrap, List<Agent> agents) {

        static TimeHorizons of(io.augur.horizon.engine.TimeHorizons.Result r, boolean seedGiven) {
            var s = r.settings();
            return new TimeHorizons(s.regularization(), s.weighting().name().toLowerCase().replace('_', '-'),
                    new BootstrapSettings.Used(s.rounds(), s.seed(), s.level(), seedGiven).report(r.intervalMethod()),
                    r.agents().stream().map(a -> new Agent(a.agent(), a.runs(), a.tasks(), a.weightedSuccessRate(), a.slope(),
                            a.intercept(), a.shortestTaskMinutes(), a.longestTaskMinutes(),
                            a.horizons().stream().map(h -> new Horizon(h.successLevel(), h.minutes(), h.interval(), h.status())).toList(),
                            a.usableRounds(), a.warnings())).toList());
        }
    }

    @Schema(name = "HorizonTrendFit", description = "ln(minutes) = intercept + slopePerDay * (days since 1970-01-01)")
    public record TrendFit(List<String> models, LocalDate firstRelease, LocalDate lastRelease, double slopePerDay,
            double intercept, double doublingDays, double doublingMonths, Interval doublingMonthsInterval, double rSquared,
            double residualSd, int usableRounds, BootstrapReport bootstrap, List<String> warnings) {

        static TrendFit of(HorizonTrend.Trend t, boolean seedGiven) {
            var s = t.settings();
            return new TrendFit(t.models(), t.firstRelease(), t.lastRelease(), t.slopePerDay(), t.intercept(), t.doublingDays(),
                    t.doublingMonths(), t.doublingMonthsInterval(), t.rSquared(), t.residualSd(), t.usableRounds(),
                    new BootstrapSettings.Used(s.rounds(), s.seed(), s.level(), seedGiven).report("percentile bootstrap over models"),
                    t.warnings());
        }
    }

    @Schema(name = "HorizonBacktest", description = "Trend fitted before the cutoff, predictions of the later models")
    public record Backtest(LocalDate cutoff, TrendFit trained, List<HorizonTrend.BacktestPoint> predictions,
            double meanAbsoluteErrorDoublings, int inside, double level) {
    }

    @Schema(name = "HorizonTrendResponse", description = "The trend, forecasts, backtest and shape comparison")
    public record Trend(boolean frontierOnly, TrendFit trend, List<HorizonTrend.DateForecast> forecasts, Backtest backtest,
            HorizonTrend.ShapeComparison shapes) {

        static Trend of(boolean frontierOnly, HorizonTrend.Trend t, List<HorizonTrend.DateForecast> forecasts,
                HorizonTrend.Backtest b, HorizonTrend.ShapeComparison shapes, boolean seedGiven) {
            return new Trend(frontierOnly, TrendFit.of(t, seedGiven), forecasts, b == null ? null : new Backtest(b.cutoff(),
                    TrendFit.of(b.trained(), seedGiven), b.predictions(), b.meanAbsoluteErrorDoublings(), b.inside(), b.level()), shapes);
        }
    }
}
