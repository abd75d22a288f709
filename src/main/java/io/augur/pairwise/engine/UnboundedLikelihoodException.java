package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;

/**
 * The battles make the maximum-likelihood ratings infinite (see {@link Identifiability}); the
 * message names the models responsible. Asking for a prior (regularisation) makes the fit finite.
 */
public class UnboundedLikelihoodException extends InvalidInputException {

    private final transient Identifiability identifiability;

    public UnboundedLikelihoodException(String field, Identifiability identifiability) {
        super(field, describe(identifiability));
        this.identifiability = identifiability;
    }

    public Identifiability identifiability() {
        return identifiability;
    }

    private static String describe(Identifiability id) {
        StringBuilder sb = new StringBuilder("the maximum-likelihood ratings are unbounded: ");
        for (int k = 0; k < id.problems().size(); k++) {
            Identifiability.Problem p = id.problems().get(k);
            if (k > 0) {
                sb.append("; ");
            }
            sb.append(p.kind()).append(' ').append(p.models()).append(": ").append(p.detail());
        }
        return sb.append(". Add battles that connect these models, or ask for a prior (regularisation).").toString();
    }
}
