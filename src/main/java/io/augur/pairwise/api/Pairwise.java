package io.augur.pairwise.api;

import io.augur.platform.api.BootstrapSettings;
import io.augur.pairwise.engine.BattleLog;
import io.augur.pairwise.engine.BradleyTerry;
import io.augur.pairwise.engine.BradleyTerryBootstrap;
import io.augur.pairwise.engine.BradleyTerryFit;
import io.augur.pairwise.engine.Identifiability;
import io.augur.pairwise.engine.Leaderboard;
import io.augur.pairwise.engine.Outcome;
import io.augur.pairwise.engine.PairCount;
import io.augur.pairwise.engine.PairCounts;
import io.augur.pairwise.engine.UnboundedLikelihoodException;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.augur.stats.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Mapping between the pairwise API and its engine: requests to engine inputs, engine results to
 * response records, engine field names to the request's field paths. No statistics here.
 */
final class Pairwise {

    /** Engine option names as the JSON bodies spell them. */
    static final Map<String, String> JSON_FIELDS = Map.of("options.ties", "ties", "options.prior", "regularization",
            "options.anchorModel", "anchor.model", "options.anchorRating", "anchor.rating", "options.alpha", "alpha",
            "rounds", "bootstrap.rounds", "level", "bootstrap.level");
    /** Engine option names as the query parameters spell them (CSV bodies, stored arenas). */
    static final Map<String, String> QUERY_FIELDS = Map.of("options.ties", "ties", "options.prior", "regularization",
            "options.anchorModel", "anchorModel", "options.anchorRating", "anchorRating");

    private Pairwise() {
    }

    /** Runs engine code, renaming the engine's field names to the request's and reporting unbounded data. */
    static <T> T engine(Map<String, String> fields, Callable<T> call) throws Exception {
        try {
            return call.call();
        } catch (UnboundedLikelihoodException e) {
            List<FieldError> errors = new ArrayList<>();
            String field = fields.getOrDefault(e.field(), e.field());
            for (Identifiability.Problem p : e.identifiability().problems()) {
                errors.add(new FieldError(field, null, p.kind() + " " + p.models() + ": " + p.detail()));
            }
            throw new ProblemException(400, "/problems/unbounded-likelihood", "Unbounded likelihood",
                    field + ": " + e.reason(), field, errors);
        } catch (InvalidInputException e) {
            String field = fields.get(e.field());
            throw field == null ? e : new InvalidInputException(field, e.reason());
        }
    }

    /** Inline battles in order; bad entries name {@code battles[i].field}. */
    static BattleLog battleLog(List<BattleInput> battles) {
        BattleLog.Builder log = BattleLog.builder();
        for (int i = 0; i < battles.size(); i++) {
            BattleInput b = battles.get(i);
            String field = "battles[" + i + "]";
            log.add(b.modelA(), b.modelB(), Outcome.parse(b.outcome(), field + ".outcome"), field);
        }
        return log.build();
    }

    /**
     * The counts in one canonical form: each pair oriented with model A before model B (String order),
     * pairs sorted, models indexed in sorted order. Inline battles and a stored arena holding the same
     * battles then give the engine identical input, so the same seed gives the same leaderboard.
     */
    static PairCounts canonical(Collection<PairCount> rows) {
        TreeMap<String, TreeMap<String, long[]>> pairs = new TreeMap<>();
        TreeSet<String> models = new TreeSet<>();
        for (PairCount r : rows) {
            boolean swap = r.modelA().compareTo(r.modelB()) > 0;
            String a = swap ? r.modelB() : r.modelA();
            String b = swap ? r.modelA() : r.modelB();
            long[] c = pairs.computeIfAbsent(a, k -> new TreeMap<>()).computeIfAbsent(b, k -> new long[3]);
            c[0] += swap ? r.winsB() : r.winsA();
            c[1] += swap ? r.winsA() : r.winsB();
            c[2] += r.ties();
            models.add(a);
            models.add(b);
        }
        PairCounts.Builder builder = PairCounts.builder();
        models.forEach(builder::model);
        int i = 0;
        for (var byA : pairs.entrySet()) {
            for (var byB : byA.getValue().entrySet()) {
                long[] c = byB.getValue();
                builder.add(new PairCount(byA.getKey(), byB.getKey(), c[0], c[1], c[2]), "counts[" + i++ + "]");
            }
        }
        return builder.build();
    }

    static BradleyTerry.TieModel ties(String ties) {
        return "davidson".equals(ties) ? BradleyTerry.TieModel.DAVIDSON : BradleyTerry.TieModel.HALF_WIN;
    }

    static BradleyTerry.Options options(String ties, Double regularization, String anchorModel, Double anchorRating) {
        BradleyTerry.Options o = BradleyTerry.Options.defaults().withTies(ties(ties))
                .withPrior(regularization == null ? 0 : regularization);
        return anchorModel == null ? o : o.withAnchor(anchorModel, anchorRating == null ? 1000 : anchorRating);
    }

    /** Bradley-Terry fit, bootstrap, ranks and the requested win probabilities (call on the compute pool). */
    static LeaderboardResult bradleyTerry(PairCounts counts, BradleyTerry.Options options, BootstrapSettings.Used b,
            List<PairInput> pairs) {
        BradleyTerryBootstrap bs = BradleyTerry.bootstrap(counts, options, b.rounds(), b.seed(), b.level());
        BradleyTerryFit fit = bs.fit();
        List<LeaderboardResult.Unbounded> unbounded = new ArrayList<>();
        if (options.prior() > 0) {
            for (Identifiability.Problem p : Identifiability.of(counts).problems()) {
                unbounded.add(new LeaderboardResult.Unbounded(p.kind().name(), p.models(), p.detail()));
            }
        }
        List<LeaderboardResult.WinProbabilityResult> probabilities = null;
        if (pairs != null) {
            probabilities = new ArrayList<>(pairs.size());
            for (int i = 0; i < pairs.size(); i++) {
                PairInput p = pairs.get(i);
                String field = "pairs[" + i + "].";
                if (p.modelA().equals(p.modelB())) {
                    throw new InvalidInputException(field + "modelB", "a model does not battle itself");
                }
                io.augur.pairwise.engine.WinProbability w;
                try {
                    w = bs.winProbability(p.modelA(), p.modelB());
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(field + e.field(), e.reason());
                }
                probabilities.add(new LeaderboardResult.WinProbabilityResult(w.modelA(), w.modelB(), w.aWins(),
                        w.bWins(), w.tie(), LeaderboardResult.IntervalResult.of(w.aWinsInterval())));
            }
        }
        boolean davidson = fit.ties() == BradleyTerry.TieModel.DAVIDSON;
        return result(bs.leaderboard(), b, davidson ? "davidson" : "half-win", fit.battles(),
                new LeaderboardResult.Convergence(fit.converged(), fit.iterations(),
                        Double.isFinite(fit.gradientNorm()) ? fit.gradientNorm() : null, fit.logLikelihood()),
                davidson ? fit.tieParameter() : null, fit.prior(),
                options.anchorModel() == null ? null : new AnchorInput(options.anchorModel(), options.anchorRating()),
                unbounded, probabilities);
    }

    static LeaderboardResult result(Leaderboard lb, BootstrapSettings.Used b, String ties, long observations,
            LeaderboardResult.Convergence convergence, Double tieParameter, Double regularization, AnchorInput anchor,
            List<LeaderboardResult.Unbounded> unbounded, List<LeaderboardResult.WinProbabilityResult> probabilities) {
        List<LeaderboardResult.Entry> entries = new ArrayList<>(lb.entries().size());
        for (Leaderboard.Entry e : lb.entries()) {
            entries.add(new LeaderboardResult.Entry(e.model(), e.rating(),
                    LeaderboardResult.IntervalResult.of(e.interval()), e.rank(), e.battles()));
        }
        entries.sort(Comparator.comparingDouble(LeaderboardResult.Entry::rating).reversed()
                .thenComparing(LeaderboardResult.Entry::model));
        return new LeaderboardResult(lb.method(), ties, observations, entries,
                b.report(lb.method(), null, lb.degenerateRounds()),
                convergence, tieParameter, regularization, anchor, unbounded, probabilities);
    }
}
