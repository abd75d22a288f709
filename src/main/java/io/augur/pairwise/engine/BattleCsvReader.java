package io.augur.pairwise.engine;

import io.augur.stats.InvalidInputException;
import io.augur.stats.Workers;
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

    /**
     * What to read besides the three battle columns: a battle id column (null: {@code battle_id} or
     * {@code battleId} when the header has one), and FastChat's filters: {@code anonyOnly} keeps rows whose
     * {@code anony} column is true; {@code sampledOnly} drops rows whose {@code dedup_tag} says
     * {@code 'sampled': False} (FastChat keeps a row without the tag).
     */
    public record Options(Columns columns, String idColumn, boolean anonyOnly, boolean sampledOnly) {
        public static final Options DEFAULT = new Options(null, null, false, false);
    }

    /** Battles in file order; {@code columns} null means: ARENA's names if present, else EVALICA's. */
    public static BattleLog readLog(InputStream in, Columns columns) {
        return readLog(open(in, new Options(columns, null, false, false)));
    }

    /** All the battles of a source, in order. */
    public static BattleLog readLog(BattleSource source) {
        BattleLog.Builder builder = BattleLog.builder();
        source.next(Integer.MAX_VALUE, new BattleSink() {
            @Override
            public int model(String name) {
                return builder.model(name);
            }

            @Override
            public void battle(int a, int b, int outcome, String battleId, long position) {
                builder.add(a, b, outcome);
            }
        });
        return builder.build();
    }

    /** Merged counts; {@code columns} null means: ARENA's names if present, else EVALICA's. */
    public static PairCounts readCounts(InputStream in, Columns columns) {
        return readCounts(open(in, new Options(columns, null, false, false)));
    }

    /** All the battles of a source, merged into counts as they are read (no battle is kept). */
    public static PairCounts readCounts(BattleSource source) {
        DenseCounts dense = new DenseCounts();
        long battles = source.next(Integer.MAX_VALUE, new BattleSink() {
            private int next;

            @Override
            public int model(String name) {
                dense.name(next, name);
                return next++;
            }

            @Override
            public void battle(int a, int b, int outcome, String battleId, long position) {
                dense.add(a, b, outcome);
            }
        });
        if (battles == 0) {
            throw new InvalidInputException(source.format(), "no battles in the file");
        }
        return dense.toBuilder().build();
    }

    /** Reads the header row of a CSV stream and returns a cursor over its battles. */
    public static BattleSource open(InputStream in, Options options) {
        return new CsvSource(new Parser(in), options == null ? Options.DEFAULT : options);
    }

    /**
     * Counts by the parser's own name ids in a dense (names x names x 3) array while there are at most
     * 512 distinct names (one array increment per battle, no hashing), then straight into a builder.
     */
    private static final class DenseCounts {
        private static final int MAX_DENSE = 512;
        private int cap = 64;
        private long[] counts = new long[cap * cap * 3];
        private int names;
        private PairCounts.Builder overflow;
        private final List<String> nameList = new ArrayList<>();

        void name(int id, String name) {
            // ids arrive in increasing order, one call per new name
            nameList.add(name);
            names = id + 1;
            if (overflow != null) {
                overflow.model(name);
            } else if (names > cap) {
                if (cap * 2 > MAX_DENSE) {
                    overflow = toBuilder();
                    counts = null;
                } else {
                    int old = cap;
                    cap *= 2;
                    long[] grown = new long[cap * cap * 3];
                    for (int a = 0; a < old; a++) {
                        System.arraycopy(counts, a * old * 3, grown, a * cap * 3, old * 3);
                    }
                    counts = grown;
                }
            }
        }

        void add(int a, int b, int outcome) {
            if (overflow != null) {
                overflow.add(a, b, outcome, 1);
            } else {
                counts[(a * cap + b) * 3 + outcome]++;
            }
        }

        PairCounts.Builder toBuilder() {
            if (overflow != null) {
                return overflow;
            }
            PairCounts.Builder builder = PairCounts.builder();
            for (String n : nameList) {
                builder.model(n);
            }
            for (int a = 0; a < Math.min(names, cap); a++) {
                for (int b = 0; b < Math.min(names, cap); b++) {
                    int base = (a * cap + b) * 3;
                    for (int o = 0; o < 3; o++) {
                        if (counts[base + o] != 0) {
                            builder.add(a, b, o, counts[base + o]);
                        }
                    }
                }
            }
            return builder;
        }
    }

    private static final java.lang.invoke.VarHandle SWAR = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;

    /** High bit set in each zero byte of v (exact for the lowest zero byte). */
    private static long zeroBytes(long v) {
        return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
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
        final byte[][] fieldData = new byte[SLOTS][];
        final int[] fieldStart = new int[SLOTS];
        final int[] fieldLen = new int[SLOTS];
        final byte[][] scratch = {new byte[64], new byte[64], new byte[64], new byte[64], new byte[64], new byte[64]};
        final NameTable names = new NameTable();
        boolean recordQuoted;

        Parser(InputStream in) {
            this.in = in;
        }

        /** Makes sure a whole record starting at pos is in the buffer; returns its end (exclusive of newline) or -1 at EOF. */
        int recordEnd() {
            while (true) {
                // SWAR scan, 8 bytes at a time, for a newline or a quote (Mycroft's has-zero-byte test;
                // the lowest flagged byte is exact). A quote sends the record to the byte loop below.
                int k = pos;
                recordQuoted = false;
                while (k + 8 <= limit) {
                    long w = (long) SWAR.get(buf, k);
                    long m = zeroBytes(w ^ NEWLINES) | zeroBytes(w ^ QUOTES);
                    if (m != 0) {
                        int at = k + (Long.numberOfTrailingZeros(m) >>> 3);
                        if (buf[at] == '\n') {
                            return at;
                        }
                        recordQuoted = true;
                        break;
                    }
                    k += 8;
                }
                boolean quoted = false;
                for (k = recordQuoted ? pos : k; k < limit; k++) {
                    byte c = buf[k];
                    if (c == '"') {
                        quoted = !quoted;
                        recordQuoted = true;
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

    /** Field slots of a record: model A, model B, winner, then the optional battle id, anony and dedup_tag. */
    private static final int SLOTS = 6;
    private static final int ID = 3;
    private static final int ANONY = 4;
    private static final int DEDUP = 5;
    /** Longest model name or battle id accepted (the store's column width). */
    public static final int MAX_NAME = 200;

    /** A cursor over the records of a CSV stream whose header has been read. */
    private static final class CsvSource implements BattleSource {
        private final Parser p;
        private final String[] labels = new String[SLOTS];
        private final int[] slotOfColumn;
        private final int required;
        private int[] modelOfName = new int[16];
        private long position;

        CsvSource(Parser p, Options options) {
            this.p = p;
            int headerEnd = p.recordEnd();
            if (headerEnd < 0) {
                throw new InvalidInputException("csv", "empty input: no header row");
            }
            p.line = 1;
            List<String> header = headerFields(p.buf, p.pos, headerEnd);
            p.pos = headerEnd + 1;
            Columns columns = options.columns();
            if (columns == null) {
                columns = header.contains(Columns.ARENA.modelA()) ? Columns.ARENA : Columns.EVALICA;
            }
            labels[0] = columns.modelA();
            labels[1] = columns.modelB();
            labels[2] = columns.winner();
            String id = options.idColumn();
            if (id == null) {
                id = header.contains("battle_id") ? "battle_id" : header.contains("battleId") ? "battleId" : null;
            }
            labels[ID] = id;
            labels[ANONY] = options.anonyOnly() ? "anony" : null;
            labels[DEDUP] = options.sampledOnly() && header.contains("dedup_tag") ? "dedup_tag" : null;
            slotOfColumn = new int[header.size()];
            Arrays.fill(slotOfColumn, -1);
            int count = 0;
            for (int k = 0; k < SLOTS; k++) {
                if (labels[k] == null) {
                    continue;
                }
                int col = header.indexOf(labels[k]);
                if (col < 0) {
                    throw new InvalidInputException("csv header", "missing column '" + labels[k] + "'"
                            + (k == ANONY ? " (needed by the anony filter)" : "") + "; the header has " + header
                            + "; battles need " + labels[0] + ", " + labels[1] + ", " + labels[2]
                            + " (or left, right, winner)");
                }
                slotOfColumn[col] = k;
                count++;
            }
            required = count;
            Arrays.fill(modelOfName, -1);
        }

        @Override
        public String format() {
            return "csv";
        }

        @Override
        public String idSource() {
            return labels[ID] == null ? null : "column " + labels[ID];
        }

        @Override
        public int next(int max, BattleSink sink) {
            int read = 0;
            while (read < max) {
                int end = p.recordEnd();
                if (end < 0) {
                    break;
                }
                if ((++p.line & 0xFFFF) == 0) {
                    Workers.checkCancelled();
                }
                int recEnd = end > p.pos && p.buf[end - 1] == '\r' ? end - 1 : end;
                if (recEnd > p.pos) {
                    position++;
                    if (record(recEnd, sink)) {
                        read++;
                    }
                }
                p.pos = end + 1;
            }
            return read;
        }

        /** Parses one record; false when a filter drops it. */
        private boolean record(int recEnd, BattleSink sink) {
            int found = splitFields(p, recEnd, slotOfColumn);
            if (found != required) {
                String missing = null;
                for (int k = 0; k < SLOTS && missing == null; k++) {
                    if (labels[k] != null && p.fieldData[k] == null) {
                        missing = labels[k];
                    }
                }
                throw new InvalidInputException("csv line " + p.line + " column " + missing, "missing value");
            }
            if (labels[ANONY] != null && !bool(ANONY)) {
                return false;
            }
            if (labels[DEDUP] != null && notSampled()) {
                return false;
            }
            int[] ids = new int[2];
            for (int k = 0; k < 2; k++) {
                if (p.fieldLen[k] == 0) {
                    throw new InvalidInputException("csv line " + p.line + " column " + labels[k], "missing model name");
                }
                if (p.fieldLen[k] > MAX_NAME) {
                    throw new InvalidInputException("csv line " + p.line + " column " + labels[k],
                            "model name longer than " + MAX_NAME + " bytes");
                }
                int nameId = p.names.intern(p.fieldData[k], p.fieldStart[k], p.fieldLen[k]);
                if (nameId >= modelOfName.length) {
                    int old = modelOfName.length;
                    modelOfName = Arrays.copyOf(modelOfName, Math.max(nameId + 1, old * 2));
                    Arrays.fill(modelOfName, old, modelOfName.length, -1);
                }
                if (modelOfName[nameId] < 0) {
                    modelOfName[nameId] = sink.model(p.names.name(nameId));
                }
                ids[k] = modelOfName[nameId];
            }
            if (ids[0] == ids[1]) {
                throw new InvalidInputException("csv line " + p.line + " column " + labels[1],
                        "self-battle: model '" + p.names.name(nameOf(p, 1)) + "' cannot battle itself");
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
            String battleId = null;
            if (labels[ID] != null) {
                battleId = new String(p.fieldData[ID], p.fieldStart[ID], p.fieldLen[ID], StandardCharsets.UTF_8).strip();
                if (battleId.isEmpty() || battleId.length() > MAX_NAME) {
                    throw new InvalidInputException("csv line " + p.line + " column " + labels[ID],
                            battleId.isEmpty() ? "missing battle id" : "battle id longer than " + MAX_NAME + " characters");
                }
            }
            sink.battle(ids[0], ids[1], outcome, battleId, position);
            return true;
        }

        private boolean bool(int slot) {
            String v = new String(p.fieldData[slot], p.fieldStart[slot], p.fieldLen[slot], StandardCharsets.UTF_8)
                    .strip().toLowerCase(java.util.Locale.ROOT);
            return switch (v) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no", "" -> false;
                default -> throw new InvalidInputException("csv line " + p.line + " column " + labels[slot],
                        "expected true or false, got '" + v + "'");
            };
        }

        /** FastChat's dedup_tag as Python or JSON text, e.g. {'high_freq': False, 'sampled': True}. */
        private boolean notSampled() {
            String v = new String(p.fieldData[DEDUP], p.fieldStart[DEDUP], p.fieldLen[DEDUP], StandardCharsets.UTF_8)
                    .replace(" ", "").replace("\"", "'").toLowerCase(java.util.Locale.ROOT);
            return v.contains("'sampled':false");
        }
    }

    private static int nameOf(Parser p, int k) {
        return p.names.intern(p.fieldData[k], p.fieldStart[k], p.fieldLen[k]);
    }

    /** Splits the record [pos, recEnd) and records the wanted fields; returns how many were found. */
    private static int splitFields(Parser p, int recEnd, int[] slotOfColumn) {
        byte[] buf = p.buf;
        Arrays.fill(p.fieldData, null);
        int found = 0;
        if (!p.recordQuoted) {
            // no quotes in this record: find the commas 8 bytes at a time
            int col = 0;
            int start = p.pos;
            int k = p.pos;
            while (true) {
                int comma = -1;
                while (k + 8 <= recEnd) {
                    long m = zeroBytes((long) SWAR.get(buf, k) ^ COMMAS);
                    if (m != 0) {
                        comma = k + (Long.numberOfTrailingZeros(m) >>> 3);
                        break;
                    }
                    k += 8;
                }
                if (comma < 0) {
                    while (k < recEnd && buf[k] != ',') {
                        k++;
                    }
                    comma = k;
                }
                int slot = col < slotOfColumn.length ? slotOfColumn[col] : -1;
                if (slot >= 0) {
                    p.fieldData[slot] = buf;
                    p.fieldStart[slot] = start;
                    p.fieldLen[slot] = comma - start;
                    found++;
                }
                if (comma >= recEnd) {
                    return found;
                }
                col++;
                start = comma + 1;
                k = start;
            }
        }
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
        // fast paths for the common spellings, exact and lower case
        if (len == 7 && data[start] == 'm' && data[start + 1] == 'o' && data[start + 2] == 'd' && data[start + 3] == 'e'
                && data[start + 4] == 'l' && data[start + 5] == '_') {
            byte c = data[start + 6];
            if (c == 'a') {
                return 0;
            }
            if (c == 'b') {
                return 1;
            }
        } else if (len == 3 && data[start] == 't' && data[start + 1] == 'i' && data[start + 2] == 'e') {
            return 2;
        } else if (len == 4 && data[start] == 'l' && data[start + 1] == 'e' && data[start + 2] == 'f'
                && data[start + 3] == 't') {
            return 0;
        } else if (len == 5 && data[start] == 'r' && data[start + 1] == 'i' && data[start + 2] == 'g'
                && data[start + 3] == 'h' && data[start + 4] == 't') {
            return 1;
        }
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

        private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
                .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

        /** Multiplicative hash over 8-byte words (then the tail bytes). */
        static int hash(byte[] data, int start, int len) {
            long h = len * 0x9E3779B97F4A7C15L;
            int k = 0;
            for (; k + 8 <= len; k += 8) {
                h = (h ^ (long) LONGS.get(data, start + k)) * 0xBF58476D1CE4E5B9L;
            }
            for (; k < len; k++) {
                h = (h ^ data[start + k]) * 0x94D049BB133111EBL;
            }
            h ^= h >>> 31;
            return (int) (h ^ (h >>> 32));
        }

        int intern(byte[] data, int start, int len) {
            int h = hash(data, start, len);
            int mask = keys.length - 1;
            int slot = h & mask;
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
                if (key.length == len && same(key, data, start, len)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
        }

        String name(int id) {
            return names.get(id);
        }

        /** Byte equality, 8 bytes at a time (names are short; Arrays.equals' setup costs more here). */
        private static boolean same(byte[] key, byte[] data, int start, int len) {
            int k = 0;
            for (; k + 8 <= len; k += 8) {
                if ((long) LONGS.get(key, k) != (long) LONGS.get(data, start + k)) {
                    return false;
                }
            }
            for (; k < len; k++) {
                if (key[k] != data[start + k]) {
                    return false;
                }
            }
            return true;
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
                int h = hash(key, 0, key.length);
                int slot = h & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                ids[slot] = oldIds[s];
            }
        }
    }
}
