package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams battles from CSV (RFC 4180: comma-separated, optional double quotes, "" inside quotes) with a
 * header row, straight into a {@link BattleLog} (order kept, for Elo) or {@link PairCounts} (merged,
 * for Bradley-Terry). Chatbot Arena's columns are {@code model_a, model_b, winner} with winner in
 * {model_a, model_b, tie, tie (bothbad)}; evalica's LLMFAO file has {@code left, right, winner} with
 * winner in {left, right, tie}; any {@link Outcome} spelling is accepted.
 *
 * <p>Hand-written byte-level parsing: no String per line or per field. Model names are interned by
 * hashing their bytes (a String is created once per distinct model), outcomes are matched on bytes, so
 * reading millions of battles costs little more than scanning the bytes. Errors name the line and
 * column ("csv line 12 column winner"). Stateless; each call owns its buffers.
 */
public final class BattleCsvReader {

    private BattleCsvReader() {
    }

    /** Which header names hold model A, model B and the winner. */
    public record Columns(String modelA, String modelB, String winner) {
        public static final Columns ARENA = new Columns("model_a", "model_b", "winner");
        public static final Columns EVALICA = new Columns("left", "right", "winner");
    }

    /** Battles in file order; {@code columns} null means: ARENA's names if present, else EVALICA's. */
    public static BattleLog readLog(InputStream in, Columns columns) {
        BattleLog.Builder builder = BattleLog.builder();
        read(in, columns, new Sink() {
            @Override
            public int intern(String name) {
                return builder.model(name);
            }

            @Override
            public void add(int a, int b, int outcome) {
                builder.add(a, b, outcome);
            }
        });
        return builder.build();
    }

    /** Merged counts; {@code columns} null means: ARENA's names if present, else EVALICA's. */
    public static PairCounts readCounts(InputStream in, Columns columns) {
        PairCounts.Builder builder = PairCounts.builder();
        int[] seen = {0};
        read(in, columns, new Sink() {
            @Override
            public int intern(String name) {
                return builder.model(name);
            }

            @Override
            public void add(int a, int b, int outcome) {
                builder.add(a, b, outcome, 1);
                seen[0]++;
            }
        });
        if (seen[0] == 0) {
            throw new InvalidInputException("csv", "no battles in the file");
        }
        return builder.build();
    }

    private interface Sink {
        int intern(String name);

        void add(int a, int b, int outcome);
    }

    private static final byte[][] SPELLINGS;
    private static final int[] SPELLING_CODES;

    static {
        String[] a = {"model_a", "a", "left"};
        String[] b = {"model_b", "b", "right"};
        String[] t = {"tie", "draw", "tie (bothbad)", "tie_bothbad", "both_bad", "bothbad"};
        List<byte[]> words = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (String s : a) {
            words.add(s.getBytes(StandardCharsets.US_ASCII));
            codes.add(0);
        }
        for (String s : b) {
            words.add(s.getBytes(StandardCharsets.US_ASCII));
            codes.add(1);
        }
        for (String s : t) {
            words.add(s.getBytes(StandardCharsets.US_ASCII));
            codes.add(2);
        }
        SPELLINGS = words.toArray(new byte[0][]);
        SPELLING_CODES = codes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Parser state for one call. */
    private static final class Parser {
        final InputStream in;
        byte[] buf = new byte[1 << 20];
        int pos;
        int limit;
        boolean eof;
        long line;
        // field slices of the current record: either in buf or in a scratch array
        final byte[][] fieldData = new byte[3][];
        final int[] fieldStart = new int[3];
        final int[] fieldLen = new int[3];
        final byte[][] scratch = {new byte[64], new byte[64], new byte[64]};
        final NameTable names = new NameTable();

        Parser(InputStream in) {
            this.in = in;
        }

        /** Makes sure a whole record starting at pos is in the buffer; returns its end (exclusive of newline) or -1 at EOF. */
        int recordEnd() {
            while (true) {
                boolean quoted = false;
                for (int k = pos; k < limit; k++) {
                    byte c = buf[k];
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (c == '\n' && !quoted) {
                        return k;
                    }
                }
                if (eof) {
                    return pos < limit ? limit : -1;
                }
                fill();
            }
        }

        void fill() {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            try {
                int r = in.read(buf, limit, buf.length - limit);
                if (r < 0) {
                    eof = true;
                } else {
                    limit += r;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void read(InputStream in, Columns columns, Sink sink) {
        Parser p = new Parser(in);
        int end = p.recordEnd();
        if (end < 0) {
            throw new InvalidInputException("csv", "empty input: no header row");
        }
        p.line = 1;
        List<String> header = headerFields(p.buf, p.pos, end);
        p.pos = end + 1;
        if (columns == null) {
            columns = header.contains(Columns.ARENA.modelA()) ? Columns.ARENA : Columns.EVALICA;
        }
        int[] wanted = {header.indexOf(columns.modelA()), header.indexOf(columns.modelB()),
            header.indexOf(columns.winner())};
        String[] labels = {columns.modelA(), columns.modelB(), columns.winner()};
        for (int k = 0; k < 3; k++) {
            if (wanted[k] < 0) {
                throw new InvalidInputException("csv header", "missing column '" + labels[k] + "' (header: " + header + ")");
            }
        }
        int[] slotOfColumn = new int[header.size()];
        Arrays.fill(slotOfColumn, -1);
        for (int k = 0; k < 3; k++) {
            slotOfColumn[wanted[k]] = k;
        }
        int[] modelOfName = new int[16];
        Arrays.fill(modelOfName, -1);
        while (true) {
            end = p.recordEnd();
            if (end < 0) {
                break;
            }
            p.line++;
            int recEnd = end > p.pos && p.buf[end - 1] == '\r' ? end - 1 : end;
            if (recEnd > p.pos) {
                int found = splitFields(p, recEnd, slotOfColumn);
                if (found != 3) {
                    String missing = labels[p.fieldData[0] == null ? 0 : p.fieldData[1] == null ? 1 : 2];
                    throw new InvalidInputException("csv line " + p.line + " column " + missing, "missing value");
                }
                int[] ids = new int[2];
                for (int k = 0; k < 2; k++) {
                    if (p.fieldLen[k] == 0) {
                        throw new InvalidInputException("csv line " + p.line + " column " + labels[k], "missing model name");
                    }
                    int nameId = p.names.intern(p.fieldData[k], p.fieldStart[k], p.fieldLen[k]);
                    if (nameId >= modelOfName.length) {
                        int old = modelOfName.length;
                        modelOfName = Arrays.copyOf(modelOfName, Math.max(nameId + 1, old * 2));
                        Arrays.fill(modelOfName, old, modelOfName.length, -1);
                    }
                    if (modelOfName[nameId] < 0) {
                        modelOfName[nameId] = sink.intern(p.names.name(nameId));
                    }
                    ids[k] = modelOfName[nameId];
                }
                if (ids[0] == ids[1]) {
                    throw new InvalidInputException("csv line " + p.line + " column " + labels[1],
                            "self-battle: model '" + p.names.name(nameOf(p, 1))
                                    + "' cannot battle itself");
                }
                int outcome = outcome(p.fieldData[2], p.fieldStart[2], p.fieldLen[2]);
                if (outcome < 0) {
                    String raw = new String(p.fieldData[2], p.fieldStart[2], p.fieldLen[2], StandardCharsets.UTF_8);
                    Outcome o = Outcome.tryParse(raw);
                    if (o == null) {
                        Outcome.parse(raw, "csv line " + p.line + " column " + labels[2]);
                    }
                    outcome = o.ordinal();
                }
                sink.add(ids[0], ids[1], outcome);
            }
            p.pos = end + 1;
        }
    }

    private static int nameOf(Parser p, int k) {
        return p.names.intern(p.fieldData[k], p.fieldStart[k], p.fieldLen[k]);
    }

    /** Splits the record [pos, recEnd) and records the wanted fields; returns how many were found. */
    private static int splitFields(Parser p, int recEnd, int[] slotOfColumn) {
        byte[] buf = p.buf;
        p.fieldData[0] = p.fieldData[1] = p.fieldData[2] = null;
        int found = 0;
        int col = 0;
        int k = p.pos;
        while (k <= recEnd) {
            int slot = col < slotOfColumn.length ? slotOfColumn[col] : -1;
            if (k < recEnd && buf[k] == '"') {
                // quoted field: unescape into scratch
                byte[] out = slot >= 0 ? p.scratch[slot] : null;
                int len = 0;
                k++;
                while (k < recEnd) {
                    byte c = buf[k];
                    if (c == '"') {
                        if (k + 1 < recEnd && buf[k + 1] == '"') {
                            c = '"';
                            k++;
                        } else {
                            k++;
                            break;
                        }
                    }
                    if (out != null) {
                        if (len == out.length) {
                            out = Arrays.copyOf(out, len * 2);
                            p.scratch[slot] = out;
                        }
                        out[len] = c;
                    }
                    len++;
                    k++;
                }
                while (k < recEnd && buf[k] != ',') {
                    k++; // tolerate stray characters after the closing quote
                }
                if (slot >= 0) {
                    p.fieldData[slot] = out;
                    p.fieldStart[slot] = 0;
                    p.fieldLen[slot] = len;
                    found++;
                }
            } else {
                int start = k;
                while (k < recEnd && buf[k] != ',') {
                    k++;
                }
                if (slot >= 0) {
                    p.fieldData[slot] = buf;
                    p.fieldStart[slot] = start;
                    p.fieldLen[slot] = k - start;
                    found++;
                }
            }
            col++;
            k++; // skip the comma (or step past recEnd)
        }
        return found;
    }

    private static int outcome(byte[] data, int start, int len) {
        // trim ASCII spaces
        while (len > 0 && data[start] == ' ') {
            start++;
            len--;
        }
        while (len > 0 && data[start + len - 1] == ' ') {
            len--;
        }
        outer:
        for (int s = 0; s < SPELLINGS.length; s++) {
            byte[] w = SPELLINGS[s];
            if (w.length != len) {
                continue;
            }
            for (int k = 0; k < len; k++) {
                int c = data[start + k];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
                if (c != w[k]) {
                    continue outer;
                }
            }
            return SPELLING_CODES[s];
        }
        return -1;
    }

    private static List<String> headerFields(byte[] buf, int from, int to) {
        String line = new String(buf, from, to - from, StandardCharsets.UTF_8);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"') {
                if (quoted && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    cur.append('"');
                    k++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    /** Distinct names by their UTF-8 bytes (open addressing on a byte hash). */
    private static final class NameTable {
        private byte[][] keys = new byte[256][];
        private int[] ids = new int[256];
        private final List<String> names = new ArrayList<>();
        private int size;

        int intern(byte[] data, int start, int len) {
            int h = 0x811C9DC5;
            for (int k = 0; k < len; k++) {
                h = (h ^ data[start + k]) * 0x01000193; // FNV-1a
            }
            int mask = keys.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            while (true) {
                byte[] key = keys[slot];
                if (key == null) {
                    byte[] copy = Arrays.copyOfRange(data, start, start + len);
                    keys[slot] = copy;
                    ids[slot] = size;
                    names.add(new String(copy, StandardCharsets.UTF_8));
                    size++;
                    if (size * 2 > keys.length) {
                        grow();
                    }
                    return size - 1;
                }
                if (key.length == len && Arrays.equals(key, 0, len, data, start, start + len)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
        }

        String name(int id) {
            return names.get(id);
        }

        private void grow() {
            byte[][] oldKeys = keys;
            int[] oldIds = ids;
            keys = new byte[oldKeys.length * 2][];
            ids = new int[keys.length];
            int mask = keys.length - 1;
            for (int s = 0; s < oldKeys.length; s++) {
                byte[] key = oldKeys[s];
                if (key == null) {
                    continue;
                }
                int h = 0x811C9DC5;
                for (byte b : key) {
                    h = (h ^ b) * 0x01000193;
                }
                int slot = (h ^ (h >>> 16)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                ids[slot] = oldIds[s];
            }
        }
    }
}
