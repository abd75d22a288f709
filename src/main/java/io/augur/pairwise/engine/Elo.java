package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.RandomStreams;
import io.augur.stats.Workers;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Online Elo in battle order, as FastChat's {@code compute_online_elo} (Chatbot Arena, Zheng et al.
 * 2023) and evalica's {@code elo}: every model starts at {@code initial}; for a battle of A and B,
 * E_A = 1 / (1 + base^((R_B - R_A) / scale)), E_B = 1 - E_A computed symmetrically, then
 * R_A += k (S_A - E_A), R_B += k (1 - S_A - E_B) with S_A = 1, 0.5 or 0 for a win, tie or loss.
 * The bootstrap follows FastChat: each round replays N battles drawn with replacement, in drawn order.
 * Stateless and thread-safe.
 */
public final class Elo {

    private Elo() {
    }

    /** Elo parameters; {@link #defaults()} is FastChat's K = 4, base 10, scale 400, initial 1000. */
    public record Params(double k, double base, double scale, double initial) {
        public Params {
            if (!(k > 0) || !Double.isFinite(k)) {
                throw new InvalidInputException("k", "must be a positive number");
            }
            if (!(base > 1) || !Double.isFinite(base)) {
                throw new InvalidInputException("base", "must be greater than 1");
            }
            if (!(scale > 0) || !Double.isFinite(scale)) {
                throw new InvalidInputException("scale", "must be a positive number");
            }
            if (!Double.isFinite(initial)) {
                throw new InvalidInputException("initial", "must be a finite number");
            }
        }

        public static Params defaults() {
            return new Params(4, 10, 400, 1000);
        }
    }

    /** Final online ratings, in model-index order of the log. */
    public static List<ModelRating> ratings(BattleLog battles, Params params) {
        requireTwoModels(battles);
        double[] r = replay(battles, params, null);
        List<ModelRating> out = new ArrayList<>(r.length);
        for (int m = 0; m < r.length; m++) {
            out.add(new ModelRating(battles.models().get(m), r[m]));
        }
        return out;
    }

    /**
     * Online Elo with bootstrap intervals: the point rating is the replay of the battles in their
     * order; each of {@code rounds} rounds replays N battles drawn uniformly with replacement
     * (stream {@code round} of {@code seed}, so the answer does not depend on the thread count).
     */
    public static Leaderboard bootstrap(BattleLog battles, Params params, int rounds, long seed, double level) {
        requireTwoModels(battles);
        if (rounds < 2) {
            throw new InvalidInputException("rounds", "at least 2 bootstrap rounds are needed");
        }
        double[] point = replay(battles, params, null);
        int n = battles.size();
        double[][] replicates = new double[rounds][];
        Workers.current().forEach(rounds, round -> {
            UniformRandomProvider rng = RandomStreams.stream(seed, round);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = rng.nextInt(n);
            }
            replicates[round] = replay(battles, params, order);
        });
        long[] games = new long[point.length];
        for (int i = 0; i < n; i++) {
            games[battles.modelA(i)]++;
            games[battles.modelB(i)]++;
        }
        return Leaderboard.of("online Elo (K=" + params.k() + ", base " + params.base() + ", scale "
                + params.scale() + ", initial " + params.initial() + "), bootstrap over battles",
                battles.models(), point, replicates, games, level, seed, 0);
    }

    static double[] replay(BattleLog battles, Params p, int[] order) {
        double[] r = new double[battles.models().size()];
        java.util.Arrays.fill(r, p.initial());
        int n = order == null ? battles.size() : order.length;
        for (int t = 0; t < n; t++) {
            int i = order == null ? t : order[t];
            int a = battles.modelA(i);
            int b = battles.modelB(i);
            double ra = r[a];
            double rb = r[b];
            double ea = 1.0 / (1.0 + Math.pow(p.base(), (rb - ra) / p.scale()));
            double eb = 1.0 / (1.0 + Math.pow(p.base(), (ra - rb) / p.scale()));
            double sa = switch (battles.outcomeCode(i)) {
                case 0 -> 1.0;
                case 1 -> 0.0;
                default -> 0.5;
            };
            r[a] = ra + p.k() * (sa - ea);
            r[b] = rb + p.k() * (1.0 - sa - eb);
        }
        return r;
    }

    static void requireTwoModels(BattleLog battles) {
        if (battles.models().size() < 2) {
            throw new InvalidInputException("battles", "at least two models are needed");
        }
    }

}
