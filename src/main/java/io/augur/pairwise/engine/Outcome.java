package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import java.util.Locale;

/**
 * The result of one battle between model A and model B. Accepted spellings (case-insensitive):
 * A wins: {@code model_a, a, left}; B wins: {@code model_b, b, right}; tie: {@code tie, draw,
 * tie (bothbad), tie_bothbad, both_bad} (Chatbot Arena's "both bad" counts as a tie, as in FastChat).
 */
public enum Outcome {
    A_WINS,
    B_WINS,
    TIE;

    /** The same battle seen from B's side. */
    public Outcome flipped() {
        return switch (this) {
            case A_WINS -> B_WINS;
            case B_WINS -> A_WINS;
            case TIE -> TIE;
        };
    }

    /** Score of A in Elo terms: 1 for a win, 0.5 for a tie, 0 for a loss. */
    public double scoreA() {
        return switch (this) {
            case A_WINS -> 1.0;
            case B_WINS -> 0.0;
            case TIE -> 0.5;
        };
    }

    /** Parses a spelling, or returns null when it is not one of the accepted ones. */
    public static Outcome tryParse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "model_a", "a", "left" -> A_WINS;
            case "model_b", "b", "right" -> B_WINS;
            case "tie", "draw", "tie (bothbad)", "tie_bothbad", "both_bad", "bothbad" -> TIE;
            default -> null;
        };
    }

    /** Parses a spelling; an unknown one is an {@link InvalidInputException} naming {@code field}. */
    public static Outcome parse(String value, String field) {
        Outcome o = tryParse(value);
        if (o == null) {
            throw new InvalidInputException(field, "unknown outcome '" + value
                    + "'; expected model_a/a/left, model_b/b/right or tie/draw/tie (bothbad)");
        }
        return o;
    }
}
