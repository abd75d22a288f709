package io.augur.retrieval.engine;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level helpers for the TREC text formats. Identifiers are compared as C's {@code strcmp} does
 * (unsigned bytes); strings built from them use ISO-8859-1 so that every byte round-trips and
 * {@link String#compareTo} orders them as {@code strcmp} would.
 */
final class ByteText {

    private ByteText() {
    }

    /** strcmp over two byte slices: negative, zero or positive. */
    static int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int n = Math.min(aLen, bLen);
        for (int i = 0; i < n; i++) {
            int x = a[aOff + i] & 0xFF;
            int y = b[bOff + i] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return aLen - bLen;
    }

    static boolean equal(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        if (aLen != bLen) {
            return false;
        }
        for (int i = 0; i < aLen; i++) {
            if (a[aOff + i] != b[bOff + i]) {
                return false;
            }
        }
        return true;
    }

    static int hash(byte[] a, int off, int len) {
        int h = 0x811C9DC5;
        for (int i = 0; i < len; i++) {
            h = (h ^ a[off + i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    static String string(byte[] a, int off, int len) {
        return new String(a, off, len, StandardCharsets.ISO_8859_1);
    }

    /** C isspace on a byte: space, \t, \n, \v, \f, \r. */
    static boolean isSpace(byte c) {
        return c == ' ' || (c >= 9 && c <= 13);
    }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Parses a decimal number, correctly rounded like {@code strtod}. Hand-written because the run
     * parser sees millions of scores and {@link Double#parseDouble} needs a String per call: plain
     * decimals with at most 15 significant digits take Clinger's exact fast path (an integer below
     * 2^53 divided or multiplied by an exact power of ten is one correctly rounded operation); anything
     * else (exponents, long mantissas, inf) falls back to {@link Double#parseDouble}.
     *
     * @return the value, or NaN if the text is not a number
     */
    static double parseDouble(byte[] a, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (i < end && (a[i] == '-' || a[i] == '+')) {
            neg = a[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int fracDigits = 0;
        boolean seenDot = false;
        boolean any = false;
        boolean simple = true;
        for (; i < end; i++) {
            byte c = a[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mant == 0 && c == '0') {
                    if (seenDot) {
                        fracDigits++;
                    }
                    continue;
                }
                if (digits >= 15) {
                    simple = false;
                    break;
                }
                mant = mant * 10 + (c - '0');
                digits++;
                if (seenDot) {
                    fracDigits++;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && any && fracDigits <= 22) {
            double v = fracDigits == 0 ? (double) mant : (double) mant / POW10[fracDigits];
            return neg ? -v : v;
        }
        try {
            String s = string(a, off, len);
            char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
            if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
                return Double.NaN; // Java accepts "1d" and "1f"; strtod does not
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Parses a decimal integer (optional sign); returns Long.MIN_VALUE if the text is not one. */
    static long parseLong(byte[] a, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (i < end && (a[i] == '-' || a[i] == '+')) {
            neg = a[i] == '-';
            i++;
        }
        if (i >= end || end - i > 18) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < end; i++) {
            byte c = a[i];
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return neg ? -v : v;
    }
}
