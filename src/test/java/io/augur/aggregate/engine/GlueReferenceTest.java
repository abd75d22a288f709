package io.augur.aggregate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GLUE leaderboard (105 systems, Colombo et al. 2022's sample data): social-choice rankings over the
 * 14 task columns against the leaderboard's own Score column (an average of the task metrics).
 */
class GlueReferenceTest {

    @Test
    void bordaOverTasksAgreesWithTheScoreColumnButNotExactly() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("aggregate/glue_leaderboard.csv"));
        String[] header = lines.get(0).split(",");
        List<Score> scores = new ArrayList<>();
        Map<String, Double> overall = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String model = f[0].strip();
            overall.put(model, Double.parseDouble(f[1]));
            for (int c = 2; c < f.length; c++) {
                scores.add(new Score(model, header[c], null, Double.parseDouble(f[c])));
            }
        }
        ScoreTable table = ScoreTable.of(scores);
        assertEquals(105, table.systems().size());
        assertEquals(14, table.tasks().size());

        SocialChoiceRanking borda = SocialChoiceRanking.borda(table, null);
        SocialChoiceRanking copeland = SocialChoiceRanking.copeland(table, null);
        SocialChoiceRanking kemeny = SocialChoiceRanking.kemeny(table, null);
        Map<String, Double> bordaScore = new HashMap<>();
        borda.ranking().forEach(e -> bordaScore.put(e.system(), e.score()));
        List<String> byScore = overall.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();

        System.out.println("GLUE top five by Score column: " + byScore.subList(0, 5).stream().map(s -> s + " (" + overall.get(s) + ")").toList());
        System.out.println("GLUE top five by Borda: " + borda.ranking().subList(0, 5));
        System.out.println("GLUE top five by Copeland: " + copeland.ranking().subList(0, 5));
        System.out.println("GLUE top five by Kemeny: " + kemeny.ranking().subList(0, 5) + " " + kemeny.algorithm()
                + " distance " + kemeny.kendallDistance() + " >= " + kemeny.kendallDistanceLowerBound());
        System.out.println("GLUE Kendall distance: Borda " + borda.kendallDistance() + ", Copeland " + copeland.kendallDistance()
                + ", Kemeny " + kemeny.kendallDistance());
        RankAgreement withScore = RankAgreement.between(bordaScore, overall);
        RankAgreement kemenyVsBorda = RankAgreement.between(kemeny, borda);
        System.out.println("GLUE Borda vs Score: " + withScore);
        System.out.println("GLUE Kemeny vs Borda: " + kemenyVsBorda);
        for (int k = 0; k < 10; k++) {
            String s = borda.ranking().get(k).system();
            System.out.printf("  Borda #%d %s (Borda %.1f), Score rank %d%n", borda.ranking().get(k).position(), s,
                    borda.ranking().get(k).score(), byScore.indexOf(s) + 1);
        }
        // Borda and the Score column aggregate the same columns monotonically, so they agree closely
        // (measured tau-b 0.919, 214 discordant pairs of 5,460); 0.85 leaves room for tie-handling choices
        // while a reversed orientation or a broken tally (tau near 0 or below) fails.
        assertTrue(withScore.kendallTauB() > 0.85, "tau-b " + withScore.kendallTauB());
        assertTrue(withScore.discordantPairs() > 0, "Borda over tasks is not the Score column's order");
        assertEquals(byScore.subList(0, 2), borda.ranking().subList(0, 2).stream().map(SocialChoiceRanking.RankedSystem::system).toList());
        assertTrue(kemeny.algorithm().contains("heuristic"));
        assertTrue(kemeny.kendallDistance() <= copeland.kendallDistance() && kemeny.kendallDistance() <= borda.kendallDistance());
        assertTrue(kemeny.kendallDistance() >= kemeny.kendallDistanceLowerBound());
    }
}
