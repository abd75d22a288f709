package io.augur.platform.text;

/**
 * The rule every text value the API accepts must meet, so that PostgreSQL can store it: no NUL
 * character (U+0000; PostgreSQL text and jsonb refuse it, SQLSTATE 22021 / 22P05) and no unpaired
 * UTF-16 surrogate (not a Unicode character, so it has no UTF-8 encoding and would be stored as '?').
 * Checked when the request is read (JSON strings and keys, query parameters, CSV cells), so the client
 * gets a 400 naming the field before anything reaches the database.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code s} cannot be stored, or null when it can; one pass over the characters. */
    public static String problem(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000) at position " + i + ", which text cannot hold";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate at position " + i + ", which is not a Unicode character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate at position " + i + ", which is not a Unicode character";
            }
        }
        return null;
    }
}
