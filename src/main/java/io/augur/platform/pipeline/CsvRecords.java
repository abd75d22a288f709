package io.augur.platform.pipeline;

import io.augur.platform.problem.ProblemException;
import io.augur.stats.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of a CSV stream (RFC 4180: comma separated, optional double quotes, "" inside quotes, CRLF or LF),
 * read one at a time: only the current record is held, so a file of any size is read in bounded memory.
 * Invalid UTF-8 is a 400 naming the line. Blank lines are skipped. {@link #line()} is the line on which the
 * last record returned starts (1-based). Not thread-safe.
 */
public final class CsvRecords {

    private final Reader in;
    private final String field;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private long lineNow = 1;
    private long recordLine;
    private final StringBuilder cell = new StringBuilder();

    /** {@code field} names the part in errors (e.g. "file"). */
    public CsvRecords(InputStream in, String field) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.field = field;
    }

    /** The line on which the last record returned starts. */
    public long line() {
        return recordLine;
    }

    private int read() {
        if (pos == limit) {
            try {
                limit = in.read(buf, 0, buf.length);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw ProblemException.invalid(field + " line " + lineNow, "not UTF-8 text");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    /** The next record's cells, or null at the end. A byte order mark at the start is dropped. */
    public List<String> next() {
        while (true) {
            if ((lineNow & 0xFFFF) == 0) {
                Workers.checkCancelled();
            }
            recordLine = lineNow;
            List<String> cells = new ArrayList<>(12);
            cell.setLength(0);
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean any = false;
            int c;
            while (true) {
                c = read();
                if (c < 0) {
                    if (quoted) {
                        throw ProblemException.invalid(field + " line " + recordLine, "a quoted cell is not closed "
                                + "before the end of the file");
                    }
                    break;
                }
                if (c == '\uFEFF' && recordLine == 1 && !any && cell.isEmpty()) {
                    continue;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            cell.append('"');
                            continue;
                        }
                        quoted = false;
                        if (d < 0) {
                            c = -1;
                            break;
                        }
                        c = d;
                    } else {
                        if (c == '\n') {
                            lineNow++;
                        }
                        cell.append((char) c);
                        continue;
                    }
                }
                if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    lineNow++;
                    break;
                } else if (c != '\r') {
                    cell.append((char) c);
                }
            }
            if (!any) {
                if (c < 0) {
                    return null;
                }
                continue;
            }
            cells.add(cell.toString());
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                if (c < 0) {
                    return null;
                }
                continue;
            }
            return cells;
        }
    }
}
