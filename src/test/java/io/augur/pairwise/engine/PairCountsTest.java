package io.augur.pairwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairCountsTest {

    static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsMergeAndRoundTripThroughRows() throws IOException {
        SyntheticArena arena = new SyntheticArena(8, 1);
        PairCounts first = arena.counts(500, 2);
        PairCounts second = arena.counts(700, 3);
        PairCounts merged = first.merge(second);
        assertEquals(1200, merged.totalBattles());
        // the same as appending all battles to one builder
        PairCounts.Builder all = PairCounts.builder();
        for (int m = 0; m < 8; m++) {
            all.model(SyntheticArena.name(m));
        }
        arena.generate(500, 2, (a, b, o) -> all.add(a, b, o.ordinal(), 1));
        arena.generate(700, 3, (a, b, o) -> all.add(a, b, o.ordinal(), 1));
        assertEquals(new HashSet<>(all.build().rows()), new HashSet<>(merged.rows()));
        // stored rows rebuild the same counts and the same fit
        PairCounts rebuilt = PairCounts.of(merged.rows());
        BradleyTerryFit a = BradleyTerry.fit(merged, BradleyTerry.Options.defaults());
        BradleyTerryFit b = BradleyTerry.fit(rebuilt, BradleyTerry.Options.defaults());
        for (ModelRating r : a.ratings()) {
            assertEquals(r.rating(), b.rating(r.model()), 1e-9, r.model());
        }
        assertEquals("counts[0]", assertThrows(InvalidInputException.class,
                () -> PairCounts.of(List.of(new PairCount("a", "b", -1, 0, 0)))).field());
    }

    @Test
    void readsArenaCsvWithQuotesAndCrlf() {
        String text = "question_id,model_a,model_b,winner,judge\r\n"
                + "1,\"gpt-4, turbo\",claude,model_a,x\r\n"
                + "2,claude,\"gpt-4, turbo\",tie (bothbad),y\r\n"
                + "3,\"say \"\"hi\"\"\",claude,MODEL_B,z\r\n"
                + "\r\n"
                + "4,claude,\"say \"\"hi\"\"\",tie,z";
        BattleLog log = BattleCsvReader.readLog(csv(text), null);
        assertEquals(4, log.size());
        assertEquals(List.of("gpt-4, turbo", "claude", "say \"hi\""), log.models());
        assertEquals(new Battle("gpt-4, turbo", "claude", Outcome.A_WINS), log.battle(0));
        assertEquals(new Battle("claude", "gpt-4, turbo", Outcome.TIE), log.battle(1));
        assertEquals(new Battle("say \"hi\"", "claude", Outcome.B_WINS), log.battle(2));
        PairCounts counts = BattleCsvReader.readCounts(csv(text), BattleCsvReader.Columns.ARENA);
        assertEquals(4, counts.totalBattles());
        assertEquals(log.counts().rows().size(), counts.rows().size());
    }

    @Test
    void csvErrorsNameLineAndColumn() {
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> BattleCsvReader.readCounts(
                csv("left,right,winner\na,b,left\na,b,sideways\n"), null));
        assertEquals("csv line 3 column winner", bad.field());
        InvalidInputException self = assertThrows(InvalidInputException.class, () -> BattleCsvReader.readCounts(
                csv("model_a,model_b,winner\na,a,tie\n"), null));
        assertEquals("csv line 2 column model_b", self.field());
        assertTrue(self.reason().contains("self-battle"));
        assertEquals("csv header", assertThrows(InvalidInputException.class, () -> BattleCsvReader.readCounts(
                csv("x,y,z\n1,2,3\n"), BattleCsvReader.Columns.ARENA)).field());
        assertEquals("csv", assertThrows(InvalidInputException.class, () -> BattleCsvReader.readCounts(
                csv("model_a,model_b,winner\n"), null)).field());
        assertEquals("csv", assertThrows(InvalidInputException.class, () -> BattleCsvReader.readCounts(
                csv(""), null)).field());
        assertEquals("csv line 2 column winner", assertThrows(InvalidInputException.class,
                () -> BattleCsvReader.readCounts(csv("model_a,model_b,winner\na,b\n"), null)).field());
    }

    @Test
    void largeFileReadsLikeGeneratedCounts(@TempDir Path dir) throws IOException {
        SyntheticArena arena = new SyntheticArena(40, 4);
        Path file = dir.resolve("battles.csv");
        arena.writeCsv(file, 200_000, 5); // 5 MB: crosses the 1 MiB buffer, read through one stream
        PairCounts read;
        try (var in = Files.newInputStream(file)) {
            read = BattleCsvReader.readCounts(in, null);
        }
        PairCounts expected = arena.counts(200_000, 5);
        assertEquals(new HashSet<>(expected.rows()), new HashSet<>(read.rows()));
        // an error deep in a large file is reported with its exact line
        Path bad = dir.resolve("bad.csv");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(150_000, "model-001,model-002,sideways");
        Files.write(bad, lines);
        assertEquals("csv line 150001 column winner", assertThrows(InvalidInputException.class,
                () -> {
                    try (var in = Files.newInputStream(bad)) {
                        BattleCsvReader.readCounts(in, null);
                    }
                }).field());
    }
}
