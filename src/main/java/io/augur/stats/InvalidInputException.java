package io.augur.stats;

/**
 * Thrown by an engine when its input cannot be computed on. {@code field} is the path of the
 * offending input in the caller's terms (e.g. {@code points[3].x}, {@code battles[12].outcome},
 * {@code run line 1042}); the API ring turns it into an RFC 9457 problem naming that field.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The human sentence without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
