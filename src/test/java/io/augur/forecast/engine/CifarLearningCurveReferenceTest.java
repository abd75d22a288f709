package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** 265 real CIFAR-10 CNN validation-error curves (40 epochs): forecast epoch 40 from a prefix. */
class CifarLearningCurveReferenceTest {

    static List<double[]> curves() throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<double[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("curves/cifar10_cnn_validation_error_curves.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode lc = om.readTree(line).get("learning_curve");
            double[] c = new double[lc.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = lc.get(i).asDouble();
            }
            out.add(c);
        }
        return out;
    }

    @Test
    void ensembleBeatsLastValueEarly() throws IOException {
        List<double[]> curves = curves();
        assertEquals(265, curves.size());
        for (int prefix : new int[] {5, 10, 20}) {
            EnsembleForecast[] fc = new EnsembleForecast[curves.size()];
            IntStream.range(0, curves.size()).parallel().forEach(i -> {
                double[] c = curves.get(i);
                fc[i] = LearningCurveEnsemble.forecast(LearningCurveSpec.ofValues(java.util.Arrays.copyOf(c, prefix), 40, true));
            });
            double ens = 0;
            double last = 0;
            int covered = 0;
            Map<String, double[]> perForm = new LinkedHashMap<>(); // sum sq err, count
            for (int i = 0; i < curves.size(); i++) {
                double truth = curves.get(i)[39];
                ens += sq(fc[i].value() - truth);
                last += sq(fc[i].lastValue() - truth);
                covered += fc[i].interval().contains(truth) ? 1 : 0;
                for (EnsembleForecast.Member m : fc[i].members()) {
                    double[] acc = perForm.computeIfAbsent(m.form(), k -> new double[2]);
                    if (Double.isFinite(m.prediction())) {
                        acc[0] += sq(m.prediction() - truth);
                        acc[1]++;
                    }
                }
            }
            int n = curves.size();
            StringBuilder sb = new StringBuilder();
            perForm.forEach((k, v) -> sb.append(String.format(" %s=%.5f", k, v[0] / Math.max(1, v[1]))));
            System.out.printf("cifar10 prefix %d: MSE ensemble %.5f, last-value %.5f, 95%% interval coverage %.3f; members:%s%n",
                    prefix, ens / n, last / n, (double) covered / n, sb);
            if (prefix <= 10) {
                assertTrue(ens < last, "ensemble MSE " + ens / n + " must beat last-value " + last / n + " at " + prefix);
            }
            assertTrue(ens / n < 0.01, "ensemble MSE implausibly large at prefix " + prefix);
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
