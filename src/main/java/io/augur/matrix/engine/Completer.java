package io.augur.matrix.engine;

/**
 * One way of filling a score table. {@code fit} sees the training table and a weight per model (its
 * count in a bootstrap resample; 1 in the plain fit). Weights act on the benchmark side only: a model
 * with weight 0 does not shape what is learnt about benchmarks, but its own observed cells still place
 * it, so every model's missing cells are predicted in every round.
 */
interface Completer {

    /** A fitted completion: the predicted raw score of any cell. */
    interface Fitted {
        double predict(int model, int benchmark);
    }

    /** @param warm the plain fit to start from in bootstrap rounds, or null */
    Fitted fit(Table t, double[] weights, Fitted warm);

    /** The name reported with every predicted cell. */
    String method();
}
