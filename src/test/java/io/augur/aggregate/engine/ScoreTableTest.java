package io.augur.aggregate.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

    static List<Score> rows(Object... xs) {
        List<Score> out = new ArrayList<>();
        for (int i = 0; i < xs.length; i += 4) {
            out.add(new Score((String) xs[i], (String) xs[i + 1], (String) xs[i + 2], ((Number) xs[i + 3]).doubleValue()));
        }
        return out;
    }

    static InvalidInputException bad(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run);
    }

    @Test
    void rejectsEmptyNanAndMissingNames() {
        assertEquals("scores", bad(() -> ScoreTable.of(List.of())).field());
        assertEquals("scores[1].value", bad(() -> ScoreTable.of(rows("a", "t", "0", 1, "a", "t", "1", Double.NaN))).field());
        assertEquals("scores[0].value", bad(() -> ScoreTable.of(rows("a", "t", "0", Double.POSITIVE_INFINITY))).field());
        assertEquals("scores[0].system", bad(() -> ScoreTable.of(List.of(new Score(" ", "t", "0", 1)))).field());
        assertEquals("scores[0].task", bad(() -> ScoreTable.of(List.of(new Score("a", null, "0", 1)))).field());
    }

    @Test
    void rejectsRepeatedRun() {
        InvalidInputException e = bad(() -> ScoreTable.of(rows("a", "t", "0", 1, "b", "t", "0", 2, "a", "t", "0", 3)));
        assertEquals("scores[2].run", e.field());
        assertTrue(e.reason().contains("scores[0]"), e.reason());
        // unlabelled runs are simply several runs
        assertEquals(2, ScoreTable.of(List.of(new Score("a", "t", null, 1), new Score("a", "t", null, 1))).runs("a", "t").length);
    }

    @Test
    void incompleteTableIsRejectedNamingSystemAndTaskUnlessCommonTasksAreChosen() {
        List<Score> r = rows("a", "t1", "0", 1, "a", "t2", "0", 2, "b", "t1", "0", 3);
        InvalidInputException e = bad(() -> ScoreTable.of(r));
        assertEquals("scores", e.field());
        assertTrue(e.reason().contains("'b'") && e.reason().contains("'t2'"), e.reason());
        ScoreTable common = ScoreTable.of(r, new Normalization.None(), MissingTasks.COMMON_TASKS);
        assertEquals(List.of("t1"), common.tasks());
        assertEquals(List.of("t2"), common.droppedTasks());
        List<Score> disjoint = rows("a", "t1", "0", 1, "b", "t2", "0", 3);
        assertEquals("scores", bad(() -> ScoreTable.of(disjoint, new Normalization.None(), MissingTasks.COMMON_TASKS)).field());
    }

    @Test
    void baselinesNormaliseAndUnknownBaselinesAreRejected() {
        List<Score> r = rows("a", "Pong", "0", -20.7 + 35.3 / 2, "a", "Boxing", "0", 12.1);
        Map<String, Normalization.Baseline> b = Map.of("Pong", new Normalization.Baseline(-20.7, 14.6),
                "Boxing", new Normalization.Baseline(0.1, 12.1));
        ScoreTable t = ScoreTable.of(r, new Normalization.Baselines(b), MissingTasks.REJECT);
        assertEquals(0.5, t.runs("a", "Pong")[0], 1e-12);
        assertEquals(1.0, t.runs("a", "Boxing")[0], 1e-12);
        InvalidInputException e = bad(() -> ScoreTable.of(r, new Normalization.Baselines(Map.of("Pong", b.get("Pong"))), MissingTasks.REJECT));
        assertEquals("normalization.baselines.Boxing", e.field());
        InvalidInputException flat = bad(() -> ScoreTable.of(r, new Normalization.Baselines(
                Map.of("Pong", b.get("Pong"), "Boxing", new Normalization.Baseline(3, 3))), MissingTasks.REJECT));
        assertEquals("normalization.baselines.Boxing", flat.field());
    }

    @Test
    void minMaxSpansZeroToOnePerTask() {
        List<Score> r = rows("a", "t", "0", 10, "a", "t", "1", 20, "b", "t", "0", 30, "a", "u", "0", 1, "b", "u", "0", 3);
        ScoreTable t = ScoreTable.of(r, new Normalization.MinMax(), MissingTasks.REJECT);
        assertArrayEquals(new double[] {0, 0.5}, t.runs("a", "t"), 1e-12);
        assertArrayEquals(new double[] {1}, t.runs("b", "t"), 1e-12);
        assertArrayEquals(new double[] {0}, t.runs("a", "u"), 1e-12);
        List<Score> flat = rows("a", "t", "0", 1, "b", "t", "0", 1);
        assertEquals("scores[0].task", bad(() -> ScoreTable.of(flat, new Normalization.MinMax(), MissingTasks.REJECT)).field());
    }

    @Test
    void bootstrapSettingsAreValidated() {
        assertEquals("bootstrap.rounds", bad(() -> new StratifiedBootstrap(0, 1, 0.95)).field());
        assertEquals("bootstrap.level", bad(() -> new StratifiedBootstrap(10, 1, 1.0)).field());
    }
}
