package io.augur.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The one set of bootstrap defaults, the per-operation range check and the report. */
class BootstrapSettingsTest {

    @Test
    void leftOutFieldsTakeTheDefaultsAndTheReportSaysTheSeedWasTheDefault() {
        BootstrapSettings.Used used = BootstrapSettings.resolve(null, 0, 10_000, "bootstrap.rounds");
        assertEquals(1000, used.rounds());
        assertEquals(42, used.seed());
        assertEquals(0.95, used.level());
        assertFalse(used.seedGiven());
        BootstrapReport report = used.report("percentile bootstrap");
        assertEquals(BootstrapReport.DEFAULT, report.seedSource());
        assertNull(report.failedRounds());
        assertNull(report.degenerateRounds());
        BootstrapSettings.Used partial = BootstrapSettings.resolve(new BootstrapSettings(200, null, null), 0, 10_000, "x");
        assertEquals(200, partial.rounds());
        assertEquals(42, partial.seed());
    }

    @Test
    void givenSettingsAreUsedAndEchoed() {
        BootstrapSettings.Used used = BootstrapSettings.resolve(new BootstrapSettings(500, 7L, 0.9), 2, 10_000, "bootstrap.rounds");
        BootstrapReport report = used.report("m", 1, 3);
        assertEquals(500, report.rounds());
        assertEquals(7, report.seed());
        assertEquals(0.9, report.level());
        assertEquals(BootstrapReport.REQUEST, report.seedSource());
        assertEquals(1, report.failedRounds());
        assertEquals(3, report.degenerateRounds());
    }

    @Test
    void roundsOutsideTheOperationsRangeAreA400NamingTheField() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> BootstrapSettings.resolve(new BootstrapSettings(5, null, null), 10, 5000, "bootstrap.rounds"));
        assertEquals("bootstrap.rounds", e.toProblem(null).field());
        assertTrue(e.toProblem(null).detail().contains("between 10 and 5000"), e.toProblem(null).detail());
        ProblemException q = assertThrows(ProblemException.class,
                () -> BootstrapSettings.resolve(20_000, null, null, 2, 10_000, "rounds"));
        assertEquals("rounds", q.toProblem(null).field());
        ProblemException level = assertThrows(ProblemException.class,
                () -> BootstrapSettings.resolve(100, null, 1.0, 1, 100, "bootstrap.rounds"));
        assertEquals("bootstrap.level", level.toProblem(null).field());
        ProblemException formLevel = assertThrows(ProblemException.class,
                () -> BootstrapSettings.resolve(100, null, 0.0, 1, 100, "bootstrapRounds"));
        assertEquals("level", formLevel.toProblem(null).field());
    }
}
