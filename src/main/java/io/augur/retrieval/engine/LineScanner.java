package io.augur.retrieval.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Streams the lines of an InputStream as byte slices of one reused buffer (no String per line), and
 * splits a line into whitespace-separated fields. Not thread-safe: one scanner per parse.
 */
final class LineScanner {

    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    /** The current line: buf[start, end) without the newline. */
    byte[] line;
    int start;
    int end;
    long lineNumber;
    long bytesRead;
    /** Field boundaries of the current line after {@link #split(int)}. */
    final int[] fieldStart = new int[16];
    final int[] fieldEnd = new int[16];

    LineScanner(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at end of input. */
    boolean next() {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    line = buf;
                    start = pos;
                    end = i;
                    pos = i + 1;
                    lineNumber++;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    line = buf;
                    start = pos;
                    end = limit;
                    pos = limit;
                    lineNumber++;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
                bytesRead += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if the line is empty or only whitespace. */
    boolean blank() {
        for (int i = start; i < end; i++) {
            if (!ByteText.isSpace(line[i])) {
                return false;
            }
        }
        return true;
    }

    /** First non-space byte of the line, or -1. */
    int firstByte() {
        for (int i = start; i < end; i++) {
            if (!ByteText.isSpace(line[i])) {
                return line[i];
            }
        }
        return -1;
    }

    /**
     * Splits the current line into at most {@code max} fields (the last field ends at its first
     * whitespace; more fields are counted but not stored past max). Returns the number of fields.
     */
    int split(int max) {
        int n = 0;
        int i = start;
        while (i < end) {
            while (i < end && ByteText.isSpace(line[i])) {
                i++;
            }
            if (i >= end) {
                break;
            }
            int s = i;
            while (i < end && !ByteText.isSpace(line[i])) {
                i++;
            }
            if (n < max) {
                fieldStart[n] = s;
                fieldEnd[n] = i;
            }
            n++;
        }
        return n;
    }

    String field(int k) {
        return ByteText.string(line, fieldStart[k], fieldEnd[k] - fieldStart[k]);
    }

    int fieldLength(int k) {
        return fieldEnd[k] - fieldStart[k];
    }
}
