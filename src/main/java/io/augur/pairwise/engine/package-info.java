/**
 * Pairwise and partial rankings: the engine ring of the {@code pairwise} capability (pure Java, no
 * framework). Inputs are immutable: {@link io.augur.pairwise.engine.BattleLog} (battles in order, for
 * online {@link io.augur.pairwise.engine.Elo}), {@link io.augur.pairwise.engine.PairCounts} (battles merged
 * by (model A, model B, outcome), what a store persists and what {@link io.augur.pairwise.engine.BradleyTerry}
 * fits and bootstraps), rankings and choices for {@link io.augur.pairwise.engine.PlackettLuce}. Results are
 * records: {@link io.augur.pairwise.engine.BradleyTerryFit}, {@link io.augur.pairwise.engine.Leaderboard}
 * (ratings, percentile intervals, Arena ranks, the seed), {@link io.augur.pairwise.engine.WinProbability},
 * {@link io.augur.pairwise.engine.Identifiability} (why a likelihood is unbounded) and
 * {@link io.augur.pairwise.engine.ActiveSampling.Plan} (which pairs to battle next).
 * {@link io.augur.pairwise.engine.BattleCsvReader} streams Chatbot Arena and evalica CSV files. Bad input
 * raises {@link io.augur.stats.InvalidInputException} naming the field; long bootstraps throw
 * {@link java.util.concurrent.CancellationException} when the computation's
 * {@link io.augur.stats.CancellationToken} is tripped; bootstrap rounds run on {@link io.augur.stats.Workers}.
 */
package io.augur.pairwise.engine;
