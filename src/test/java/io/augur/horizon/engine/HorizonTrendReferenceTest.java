package io.augur.horizon.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * METR time horizon 1.0 (29 models' p50 horizons) against METR's trend procedure, re-implemented in numpy:
 * {@code python3 src/test/python/th1_trend.py ../shared/data/horizon/metr_time_horizons_th1.csv [2025-03-01]}.
 * METR reports a doubling time of 7.0 months for the frontier through Claude 3.7 Sonnet.
 */
class HorizonTrendReferenceTest {

    /** The CSV's model names to METR's release dates (shared/data/horizon/metr_release_dates.yaml). */
    static final Map<String, String> RELEASE = Map.ofEntries(
            Map.entry("claude-3-5-sonnet-20240620", "2024-06-20"), Map.entry("claude-3-5-sonnet-20241022", "2024-10-22"),
            Map.entry("claude-3-7-sonnet-20250219_16K", "2025-02-24"), Map.entry("claude-3-opus-20240229", "2024-03-04"),
            Map.entry("claude-opus-4-1-20250805_16K", "2025-08-05"), Map.entry("claude-opus-4-20250514_16K", "2025-05-22"),
            Map.entry("claude-sonnet-4-5-20250929_16K", "2025-09-29"), Map.entry("claude-sonnet-4-20250514_16K", "2025-05-22"),
            Map.entry("davinci-002", "2020-05-28"), Map.entry("DeepSeek-R1", "2025-01-20"),
            Map.entry("DeepSeek-R1-0528", "2025-05-28"), Map.entry("DeepSeek-V3", "2024-12-26"),
            Map.entry("DeepSeek-V3-0324", "2025-03-24"), Map.entry("gemini-2.5-pro-preview-06-05", "2025-06-05"),
            Map.entry("gpt-3.5-turbo-instruct", "2022-03-15"), Map.entry("gpt-4-0125-preview", "2024-01-25"),
            Map.entry("gpt-4-0314", "2023-03-14"), Map.entry("gpt-4-1106-preview", "2023-11-06"),
            Map.entry("gpt-4-turbo-2024-04-09", "2024-04-09"), Map.entry("gpt-4o-2024-11-20", "2024-05-13"),
            Map.entry("gpt-5-2025-08-07_medium", "2025-08-07"), Map.entry("gpt-oss-120b", "2025-08-05"),
            Map.entry("gpt2-xl", "2019-02-14"), Map.entry("grok-4-0709", "2025-07-09"),
            Map.entry("o1-2024-12-17_medium", "2024-12-05"), Map.entry("o1-preview-2024-09-12", "2024-09-12"),
            Map.entry("o3-2025-04-16_medium", "2025-04-16"), Map.entry("o4-mini-2025-04-16_medium", "2025-04-16"),
            Map.entry("qwen2-72b-instruct", "2024-06-07"), Map.entry("qwen2.5-72b-instruct", "2024-09-19"));

    static List<ModelHorizon> th1() throws IOException {
        Path csv = SharedData.require("horizon/metr_time_horizons_th1.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<ModelHorizon> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            out.add(new ModelHorizon(f[1], LocalDate.parse(RELEASE.get(f[1])), Double.parseDouble(f[4])));
        }
        return out;
    }

    @Test
    void frontierDoublingTimeIsMetrsSevenMonths() throws IOException {
        List<ModelHorizon> frontier = HorizonTrend.frontier(th1(), LocalDate.of(2019, 1, 1), LocalDate.of(2025, 3, 1));
        assertEquals(List.of("gpt2-xl", "davinci-002", "gpt-3.5-turbo-instruct", "gpt-4-0314", "gpt-4-1106-preview",
                "gpt-4o-2024-11-20", "claude-3-5-sonnet-20240620", "o1-preview-2024-09-12", "claude-3-5-sonnet-20241022",
                "o1-2024-12-17_medium", "claude-3-7-sonnet-20250219_16K"), frontier.stream().map(ModelHorizon::model).toList());
        var trend = HorizonTrend.fit(frontier, new HorizonTrend.Settings(2000, 7, 0.95));
        // numpy: doubling_days=212.962283 doubling_months=6.996707
        assertEquals(212.962283, trend.doublingDays(), 1e-5);
        assertEquals(6.996707, trend.doublingMonths(), 1e-6);
        assertEquals(7.0, trend.doublingMonths(), 0.05, "METR reports 7.0 months");
        var ci = trend.doublingMonthsInterval();
        System.out.printf("TH1.0 frontier to Claude 3.7 Sonnet: %.3f months, 95%% [%.3f, %.3f], R^2 %.3f, %d usable%n",
                trend.doublingMonths(), ci.lower(), ci.upper(), trend.rSquared(), trend.usableRounds());
        assertTrue(ci.lower() < 6.99 && ci.upper() > 7.0 && ci.lower() > 4 && ci.upper() < 10, ci::toString);
        assertEquals(2000, trend.usableRounds());
        // numpy: date_reaching_480min=2027-03-29
        var when = HorizonTrend.dateReaching(trend, 480);
        assertEquals(LocalDate.of(2027, 3, 29), when.date());
        assertTrue(when.lower().isBefore(when.date()) && when.upper().isAfter(when.date()));
    }

    @Test
    void allModelsTrendBacktestAndShapes() throws IOException {
        List<ModelHorizon> frontier = HorizonTrend.frontier(th1(), LocalDate.of(2019, 1, 1), null);
        assertEquals(14, frontier.size());
        var trend = HorizonTrend.fit(frontier, new HorizonTrend.Settings(0, 1, 0.95));
        assertEquals(6.645191, trend.doublingMonths(), 1e-6); // numpy
        assertEquals(LocalDate.of(2026, 12, 17), HorizonTrend.dateReaching(trend, 480).date()); // numpy

        // numpy: backtest train=6 test=8 doubling_months=7.511087 mae_doublings=0.940106 inside=8
        var bt = HorizonTrend.backtest(frontier, LocalDate.of(2024, 6, 1), new HorizonTrend.Settings(0, 1, 0.95));
        assertEquals(6, bt.trained().models().size());
        assertEquals(8, bt.predictions().size());
        assertEquals(7.511087, bt.trained().doublingMonths(), 1e-6);
        assertEquals(0.940106, bt.meanAbsoluteErrorDoublings(), 1e-6);
        assertEquals(8, bt.inside());

        // numpy: exp rss=1.87417995 aicc=-19.752406 bic=-20.235234 loo=0.652101
        //        hinge rss=0.81333970 aicc=-22.339293 bic=-26.644006 loo=0.477222 break=2024-05-13
        var shapes = HorizonTrend.compareShapes(frontier);
        assertEquals(1.87417995, shapes.exponential().rss(), 1e-8);
        assertEquals(-19.752406, shapes.exponential().aicc(), 1e-6);
        assertEquals(-20.235234, shapes.exponential().bic(), 1e-6);
        assertEquals(0.652101, shapes.exponential().looRmseDoublings(), 1e-6);
        assertEquals(0.81333970, shapes.piecewise().rss(), 1e-8);
        assertEquals(-22.339293, shapes.piecewise().aicc(), 1e-6);
        assertEquals(-26.644006, shapes.piecewise().bic(), 1e-6);
        assertEquals(0.477222, shapes.piecewise().looRmseDoublings(), 1e-6);
        assertEquals(LocalDate.of(2024, 5, 13), shapes.piecewise().breakDate());
        assertEquals("piecewise", shapes.preferredByAicc());
        assertEquals("piecewise", shapes.preferredByLoo());
        System.out.printf("TH1.0 all: exponential %.2f months; piecewise break %s: %.2f then %.2f months%n",
                trend.doublingMonths(), shapes.piecewise().breakDate(), shapes.piecewise().doublingMonthsBefore(),
                shapes.piecewise().doublingMonthsAfter());
    }

    @Test
    void inputOrderDoesNotMatter() throws IOException {
        List<ModelHorizon> all = new ArrayList<>(th1());
        var a = HorizonTrend.fit(HorizonTrend.frontier(all, null, null), new HorizonTrend.Settings(300, 3, 0.9));
        java.util.Collections.reverse(all);
        var b = HorizonTrend.fit(HorizonTrend.frontier(all, null, null), new HorizonTrend.Settings(300, 3, 0.9));
        assertEquals(a.doublingMonths(), b.doublingMonths());
        assertEquals(a.doublingMonthsInterval(), b.doublingMonthsInterval());
    }
}
