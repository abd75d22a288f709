package io.augur.matrix.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.matrix.engine.MatrixCompletion.Method;
import io.augur.matrix.engine.MatrixCompletion.Settings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capability index on the reference tables: random masking against the other methods, and the
 * stability of its model ranking under the bootstrap.
 */
class CapabilityIndexReferenceTest {

    /** ObsScaling's 148 base models on the 8 Open LLM Leaderboard v1 benchmarks and the 6 of v2 (72 models). */
    static ScoreMatrix obsScalingTable() throws IOException {
        MatrixData.ObsScaling v2 = MatrixData.obsScaling();
        List<String> lines = java.nio.file.Files.readAllLines(io.augur.testing.SharedData.require("scaling/obsscaling_base_llm_benchmark_eval.csv"));
        List<String> header = MatrixData.splitCsv(lines.get(0));
        List<String> v1 = List.of("MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd", "HumanEval");
        List<String> benchmarks = new ArrayList<>(v1);
        benchmarks.addAll(v2.targetNames());
        List<String> models = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            List<String> c = MatrixData.splitCsv(l);
            double[] r = new double[benchmarks.size()];
            for (int j = 0; j < v1.size(); j++) {
                r[j] = MatrixData.num(c.get(header.indexOf(v1.get(j))));
            }
            int i = v2.models().indexOf(c.get(0));
            for (int j = 0; j < v2.targetNames().size(); j++) {
                r[v1.size() + j] = i < 0 ? Double.NaN : v2.targets()[i][j];
            }
            models.add(c.get(0));
            rows.add(r);
        }
        return new ScoreMatrix(models, benchmarks, rows.toArray(double[][]::new));
    }

    /**
     * Issue 12 asks the capability index to reach held-out MAE no worse than the best other method. Measured (standardised
     * MAE, seeds 11/12/13; capability, ALS, soft-impute, nearest models): CPP HELM core, half hidden: 0.486/0.489/0.515
     * (mean 0.497) vs ALS 0.512/0.539/0.537 (mean 0.529), soft-impute 0.544, nearest models 0.534. ObsScaling v1+v2, 20%
     * hidden: 0.271/0.301/0.257 (mean 0.276) vs nearest models 0.279/0.305/0.270 (mean 0.285), ALS 0.319, soft-impute
     * 0.325. The index beats nearest models there since its predictions carry the residuals of each model's nearest
     * models (ResidualNeighbours, chosen by held-out error on the training cells; before: 0.297, 4% worse than nearest
     * models). Developed on seeds 1/2/3 (ObsScaling 0.302/0.313/0.241 vs nearest models 0.300/0.305/0.286) and checked,
     * besides these, on 21/22/23 (0.255/0.242/0.277 vs 0.266/0.283/0.321; docs/matrix/README.md).
     */
    @Test
    void heldOutErrorAgainstTheOtherMethodsOnRandomMasking() throws IOException {
        // chance levels: 4-way multiple choice 0.25, binary Winograd 0.5, generation 0, BBH its subtasks' mean,
        // MMLU-Pro 10 options, MuSR about 1/3
        double[] floors = {0.25, 0.25, 0.25, 0.5, 0.25, 0, 0.5, 0, ObsScalingReferenceTest.BBH_FLOOR, 0.25, 0, 0, 0.1, 1. / 3};
        double[] obs = check("ObsScaling v1+v2", obsScalingTable(), 0.2, floors);
        double[] helm = check("CPP HELM core", MatrixData.helmCore(), 0.5, null);
        // HELM core: the bar is met
        assertTrue(helm[0] <= Math.min(helm[1], Math.min(helm[2], helm[3])), "HELM: capability index " + helm[0]);
        // ObsScaling: met as well
        assertTrue(obs[0] <= Math.min(obs[1], Math.min(obs[2], obs[3])), "ObsScaling: capability index " + obs[0] + " vs ALS "
                + obs[1] + ", soft-impute " + obs[2] + ", nearest models " + obs[3]);
    }

    @Test
    void modelRankingIsStableUnderTheBootstrap() throws IOException {
        double[] floors = {0.25, 0.25, 0.25, 0.5, 0.25, 0, 0.5, 0, ObsScalingReferenceTest.BBH_FLOOR, 0.25, 0, 0, 0.1, 1. / 3};
        ScoreMatrix table = obsScalingTable();
        CapabilityIndex.Result r = CapabilityIndex.estimate(table, List.of(),
                Settings.of(Method.CAPABILITY_INDEX, 100, 20261125).withFloors(floors));
        var top = r.models().stream().sorted(java.util.Comparator.comparingInt(CapabilityIndex.ModelCapability::rank)).limit(5).toList();
        top.forEach(m -> System.out.printf("CAP top %-40s C %.3f [%.3f, %.3f] rank %d [%.0f, %.0f]%n", m.model(), m.capability(),
                m.interval().lower(), m.interval().upper(), m.rank(), m.rankInterval().lower(), m.rankInterval().upper()));
        System.out.printf("CAP rank stability (mean Spearman, bootstrap vs point) %.4f; warnings %s%n", r.rankStability(), r.warnings());
        assertTrue(r.rankStability() > 0.95, "rank stability " + r.rankStability());
        double[] widths = r.models().stream().mapToDouble(m -> m.interval().width()).sorted().toArray();
        System.out.printf("CAP capability interval width: median %.3f, max %.3f; dimensions %d, setting %s%n", widths[widths.length / 2],
                widths[widths.length - 1], r.dimensions(), r.setting());
        assertTrue(widths[widths.length / 2] < 1, "median capability interval width " + widths[widths.length / 2]);
        // the top of the ranking is resolved: the best model's rank interval is narrow
        assertTrue(top.get(0).rankInterval().upper() <= 3, "top model rank interval " + top.get(0).rankInterval());
        for (CapabilityIndex.BenchmarkParameters b : r.benchmarks()) {
            // interpretable: a fitted ceiling between the floor (chance) and the top of the scale, with an interval around it
            assertTrue(b.ceiling() > b.floor() && b.ceiling() <= 1, b.benchmark() + " ceiling " + b.ceiling());
            assertTrue(b.ceilingInterval().lower() <= b.ceilingInterval().upper() && b.ceilingInterval().upper() <= 1, b.toString());
        }
        double mean = r.models().stream().mapToDouble(CapabilityIndex.ModelCapability::capability).average().orElseThrow();
        double sd = Math.sqrt(r.models().stream().mapToDouble(m -> (m.capability() - mean) * (m.capability() - mean)).average().orElseThrow());
        org.junit.jupiter.api.Assertions.assertEquals(0, mean, 1e-9, "scale identified: mean 0");
        org.junit.jupiter.api.Assertions.assertEquals(1, sd, 1e-9, "scale identified: sd 1");
        // slopes positive (higher capability, higher score) on these accuracy benchmarks
        r.benchmarks().forEach(b -> assertTrue(b.slope() > 0, b.benchmark()));
    }

    /** Mean standardised MAE over the seeds: capability index, ALS, soft-impute, nearest models. */
    private static double[] check(String name, ScoreMatrix table, double fraction, double[] floors) {
        double[] mae = new double[4];
        double baseline = 0;
        long[] seeds = {11, 12, 13};
        for (long seed : seeds) {
            boolean[][] hidden = Backtest.mask(table, new Backtest.RandomMask(fraction, seed), new ArrayList<>());
            Standardisation full = Standardisation.of(table.toArray());
            Standardisation train = Standardisation.of(table.hide(hidden).toArray());
            double sum = 0;
            int n = 0;
            for (int m = 0; m < table.modelCount(); m++) {
                for (int b = 0; b < table.benchmarkCount(); b++) {
                    if (hidden[m][b]) {
                        sum += Math.abs(table.score(m, b) - train.mean[b]) / full.sd[b];
                        n++;
                    }
                }
            }
            baseline += sum / n / seeds.length;
            Backtest.Result r = Backtest.run(table, new Backtest.RandomMask(fraction, seed), List.of(
                    Settings.of(Method.CAPABILITY_INDEX, 0, seed).withFloors(floors),
                    Settings.of(Method.ALTERNATING_LEAST_SQUARES, 0, seed),
                    Settings.of(Method.SOFT_IMPUTE, 0, seed),
                    Settings.of(Method.NEAREST_MODELS, 0, seed)));
            for (int i = 0; i < 4; i++) {
                Backtest.Metrics m = r.methods().get(i);
                mae[i] += m.standardisedMae() / seeds.length;
                System.out.printf("CAP %s seed %d %-26s %-55s MAE %.4f standardised MAE %.4f MAE@2 %.3f%n", name, seed, m.method(),
                        m.setting(), m.mae(), m.standardisedMae(), m.maeAt2());
            }
        }
        System.out.printf("CAP %s mean standardised MAE: capability %.4f ALS %.4f soft-impute %.4f kNN %.4f benchmark mean %.4f%n",
                name, mae[0], mae[1], mae[2], mae[3], baseline);
        assertTrue(mae[0] < 0.8 * baseline, name + ": capability index " + mae[0] + " vs benchmark mean " + baseline);
        return mae;
    }
}
