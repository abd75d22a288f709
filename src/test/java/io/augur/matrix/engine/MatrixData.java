package io.augur.matrix.engine;

import io.augur.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Readers of the shared reference tables (skipping the test when ../shared/data is absent). */
final class MatrixData {

    private MatrixData() {
    }

    /** CPP's HELM core table: one metric per row, one model per column, "-" (or empty) = missing; transposed to models x benchmarks. */
    static ScoreMatrix helmCore() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("matrix/cpp_helm_core.csv"), StandardCharsets.UTF_8);
        List<String> header = splitCsv(lines.get(0).replace("\uFEFF", ""));
        List<String> models = header.subList(1, header.size());
        List<String> metrics = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = splitCsv(line);
            metrics.add(cells.get(0));
            double[] r = new double[models.size()];
            for (int j = 0; j < models.size(); j++) {
                String v = j + 1 < cells.size() ? cells.get(j + 1).trim() : "";
                r[j] = v.isEmpty() || v.equals("-") ? Double.NaN : Double.parseDouble(v);
            }
            rows.add(r);
        }
        double[][] x = new double[models.size()][metrics.size()];
        for (int b = 0; b < metrics.size(); b++) {
            for (int m = 0; m < models.size(); m++) {
                x[m][b] = rows.get(b)[m];
            }
        }
        return new ScoreMatrix(models, metrics, x);
    }

    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** ObsScaling: base_llm_benchmark_eval merged (inner, on Model, leaderboard order) with leaderboard_v2_eval. */
    record ObsScaling(List<String> models, List<String> families, double[] flops1e21, double[][] predictors,
            List<String> predictorNames, double[][] targets, List<String> targetNames) {
    }

    static ObsScaling obsScaling() throws IOException {
        List<String> base = Files.readAllLines(SharedData.require("scaling/obsscaling_base_llm_benchmark_eval.csv"));
        List<String> lb = Files.readAllLines(SharedData.require("scaling/obsscaling_base_llm_leaderboard_v2_eval.csv"));
        List<String> bh = splitCsv(base.get(0));
        List<String> predictorNames = List.of("MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "XWinograd", "HumanEval");
        java.util.Map<String, List<String>> byModel = new java.util.HashMap<>();
        for (String l : base.subList(1, base.size())) {
            List<String> c = splitCsv(l);
            byModel.put(c.get(0), c);
        }
        List<String> lh = splitCsv(lb.get(0));
        List<String> targetNames = lh.subList(1, lh.size());
        List<String> models = new ArrayList<>();
        List<String> families = new ArrayList<>();
        List<Double> flops = new ArrayList<>();
        List<double[]> pred = new ArrayList<>();
        List<double[]> targ = new ArrayList<>();
        for (String l : lb.subList(1, lb.size())) {
            List<String> c = splitCsv(l);
            List<String> b = byModel.get(c.get(0));
            if (b == null) {
                continue;
            }
            models.add(c.get(0));
            families.add(b.get(bh.indexOf("Model Family")));
            flops.add(num(b.get(bh.indexOf("FLOPs (1E21)"))));
            pred.add(predictorNames.stream().mapToDouble(n -> num(b.get(bh.indexOf(n)))).toArray());
            targ.add(c.subList(1, c.size()).stream().mapToDouble(MatrixData::num).toArray());
        }
        return new ObsScaling(models, families, flops.stream().mapToDouble(Double::doubleValue).toArray(),
                pred.toArray(double[][]::new), predictorNames, targ.toArray(double[][]::new), List.copyOf(targetNames));
    }

    static double num(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
