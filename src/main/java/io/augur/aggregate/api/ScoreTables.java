package io.augur.aggregate.api;

import io.augur.platform.api.BootstrapReport;
import io.augur.platform.api.BootstrapSettings;
import io.augur.aggregate.engine.MissingTasks;
import io.augur.aggregate.engine.Normalization;
import io.augur.aggregate.engine.Score;
import io.augur.aggregate.engine.ScoreTable;
import io.augur.aggregate.engine.StratifiedBootstrap;
import io.augur.aggregate.store.StoredScores;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.problem.ProblemException;
import io.augur.stats.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps the table part of a request to the engine: inline scores or a stored selection (read through
 * {@link StoredScores}), normalisation and missing-task policy; and bootstrap settings with their
 * defaults. Engine field names that say {@code scores...} are renamed to {@code selection} when the
 * table came from the store, so a problem always names the request's own JSON path.
 */
@ApplicationScoped
public class ScoreTables {

    static final String BOOTSTRAP_METHOD = "stratified bootstrap percentile (runs resampled with replacement within each task)";

    private final StoredScores store;

    private final CallerContext caller;

    public ScoreTables(StoredScores store, CallerContext caller) {
        this.store = store;
        this.caller = caller;
    }

    /** Scores ready for the engine, with where they came from. Building the table is CPU work: call {@link #table()} on the compute pool. */
    public record Prepared(List<Score> scores, Normalization normalization, MissingTasks missing, String missingTasks,
            String source, Set<String> storedLowerIsBetter) {

        /** Builds the engine table; engine errors name the request's fields. */
        public ScoreTable table() {
            try {
                return ScoreTable.of(scores, normalization, missing);
            } catch (InvalidInputException e) {
                throw renamed(e);
            }
        }

        /** Engine field {@code scores...} is {@code selection} when the rows came from the store. */
        public InvalidInputException renamed(InvalidInputException e) {
            if (source.equals("selection") && e.field().startsWith("scores")) {
                return new InvalidInputException("selection", e.reason());
            }
            return e;
        }

        public TableSummary summary(ScoreTable t) {
            return new TableSummary(source, t.systems(), t.tasks(), t.droppedTasks(), t.normalization(), missingTasks, scores.size());
        }
    }

    /** Validates the table part of a request and loads the scores (from the store for a selection). */
    public Uni<Prepared> prepare(ScoreTableRequest r) {
        Normalization normalization = normalization(r.normalization());
        String missingTasks = r.missingTasks() == null ? "reject" : r.missingTasks();
        MissingTasks missing = missingTasks.equals("common-tasks") ? MissingTasks.COMMON_TASKS : MissingTasks.REJECT;
        // an empty scores list beside a selection counts as absent: generated clients send [] for an unset list
        if (r.scores() != null && !r.scores().isEmpty() && r.selection() != null) {
            throw ProblemException.invalid("selection", "give either scores or selection, not both");
        }
        if (r.selection() != null) {
            ScoreSelection s = r.selection();
            return store.load(caller.workspace(), new StoredScores.Filter(blankToNull(s.metric()), strip(s.benchmarks()), strip(s.models()),
                    blankToNull(s.family()), s.step()))
                    .map(result -> fromStore(s, result, normalization, missing, missingTasks));
        }
        if (r.scores() == null || r.scores().isEmpty()) {
            throw ProblemException.invalid("scores", "is required: give at least one score inline, or a stored selection");
        }
        List<Score> scores = new ArrayList<>(r.scores().size());
        for (ScoreInput in : r.scores()) {
            scores.add(new Score(in.system().strip(), in.task().strip(), in.run() == null ? null : in.run().strip(), in.value()));
        }
        return Uni.createFrom().item(new Prepared(scores, normalization, missing, missingTasks, "inline", Set.of()));
    }

    private static Prepared fromStore(ScoreSelection s, List<StoredScores.Row> rows, Normalization normalization,
            MissingTasks missing, String missingTasks) {
        if (rows.isEmpty()) {
            throw ProblemException.invalid("selection", "matches no stored evaluations"
                    + (s.metric() == null ? " (metric: each benchmark's own metric)" : " of metric '" + s.metric() + "'"));
        }
        Set<String> models = new HashSet<>();
        Set<String> benchmarks = new HashSet<>();
        Set<String> lowerIsBetter = new TreeSet<>();
        List<Score> scores = new ArrayList<>(rows.size());
        for (StoredScores.Row row : rows) {
            models.add(row.model());
            benchmarks.add(row.benchmark());
            if (!row.higherIsBetter()) {
                lowerIsBetter.add(row.benchmark());
            }
            scores.add(new Score(row.model(), row.benchmark(), row.seed() == null ? null : "seed " + row.seed(), row.value()));
        }
        requireMatched(s.models(), models, "selection.models", "model");
        requireMatched(s.benchmarks(), benchmarks, "selection.benchmarks", "benchmark");
        return new Prepared(scores, normalization, missing, missingTasks, "selection", lowerIsBetter);
    }

    private static void requireMatched(List<String> asked, Set<String> found, String field, String what) {
        if (asked == null) {
            return;
        }
        for (int i = 0; i < asked.size(); i++) {
            if (!found.contains(asked.get(i).strip())) {
                throw ProblemException.invalid(field + "[" + i + "]", "no stored evaluation of " + what + " '"
                        + asked.get(i).strip() + "' matches the selection (unknown name, other metric, family or step?)");
            }
        }
    }

    static Normalization normalization(NormalizationInput in) {
        if (in == null || in.type() == null) {
            return new Normalization.None();
        }
        if (!in.type().equals("baselines")) {
            if (in.baselines() != null) {
                throw ProblemException.invalid("normalization.baselines", "only goes with type baselines, not " + in.type());
            }
            return in.type().equals("min-max") ? new Normalization.MinMax() : new Normalization.None();
        }
        if (in.baselines() == null || in.baselines().isEmpty()) {
            throw ProblemException.invalid("normalization.baselines", "is required for type baselines: give {task: {low, high}}");
        }
        Map<String, Normalization.Baseline> byTask = new HashMap<>();
        in.baselines().forEach((task, b) -> byTask.put(task.strip(), new Normalization.Baseline(b.low(), b.high())));
        return new Normalization.Baselines(byTask);
    }

    /** The engine settings, with defaults for what the client left out. */
    static StratifiedBootstrap bootstrap(BootstrapSettings in) {
        BootstrapSettings.Used used = used(in);
        return new StratifiedBootstrap(used.rounds(), used.seed(), used.level());
    }

    static BootstrapReport report(BootstrapSettings in) {
        return used(in).report(BOOTSTRAP_METHOD);
    }

    private static BootstrapSettings.Used used(BootstrapSettings in) {
        return BootstrapSettings.resolve(in, 1, BootstrapSettings.MAX_ROUNDS, "bootstrap.rounds");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> strip(List<String> names) {
        return names == null ? null : names.stream().map(String::strip).distinct().toList();
    }
}
