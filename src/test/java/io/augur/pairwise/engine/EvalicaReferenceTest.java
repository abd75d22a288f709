package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * evalica's golden scores (dustalov/evalica, the {@code *-golden.csv} files in ../shared/data/pairwise):
 * online Elo to 1e-9 absolute, Bradley-Terry strengths (normalised to sum 1) to 1e-6 relative.
 */
class EvalicaReferenceTest {

    static Map<String, Double> golden(String dataset, String algorithm) throws IOException {
        Map<String, Double> out = new HashMap<>();
        for (String line : Files.readAllLines(SharedData.require("pairwise/" + dataset + "-golden.csv"))) {
            int first = line.indexOf(',');
            int last = line.lastIndexOf(',');
            if (line.substring(0, first).equals(algorithm)) {
                out.put(line.substring(first + 1, last), Double.parseDouble(line.substring(last + 1)));
            }
        }
        return out;
    }

    static BattleLog battles(String dataset) throws IOException {
        Path csv = SharedData.require("pairwise/" + dataset + ".csv");
        try (InputStream in = Files.newInputStream(csv)) {
            return BattleCsvReader.readLog(in, BattleCsvReader.Columns.EVALICA);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"llmfao", "food", "simple"})
    void onlineEloEqualsEvalica(String dataset) throws IOException {
        Map<String, Double> expected = golden(dataset, "elo");
        BattleLog log = battles(dataset);
        List<ModelRating> ratings = Elo.ratings(log, Elo.Params.defaults());
        assertEquals(expected.size(), ratings.size());
        double worst = 0;
        for (ModelRating r : ratings) {
            double diff = Math.abs(r.rating() - expected.get(r.model()));
            worst = Math.max(worst, diff);
            assertEquals(expected.get(r.model()), r.rating(), 1e-9, r.model());
        }
        System.out.printf("evalica elo %s: %d models, max |diff| = %.3g%n", dataset, ratings.size(), worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"llmfao", "food", "simple"})
    void bradleyTerryEqualsEvalica(String dataset) throws IOException {
        Map<String, Double> expected = golden(dataset, "bradley_terry");
        PairCounts counts = battles(dataset).counts();
        BradleyTerryFit fit = BradleyTerry.fit(counts, BradleyTerry.Options.defaults());
        assertTrue(fit.converged(), "Newton converged");
        List<Double> strengths = fit.strengthsSummingToOne();
        double worst = 0;
        for (int m = 0; m < counts.modelCount(); m++) {
            String model = counts.models().get(m);
            double rel = Math.abs(strengths.get(m) - expected.get(model)) / expected.get(model);
            worst = Math.max(worst, rel);
            assertTrue(rel < 1e-6, model + ": " + strengths.get(m) + " vs " + expected.get(model));
        }
        System.out.printf("evalica bradley_terry %s: %d models, %d iterations, max rel diff = %.3g%n", dataset,
                counts.modelCount(), fit.iterations(), worst);
    }
}
