package io.augur.pairwise.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The compact form of an arena's battles (table arena_battle_block, V7): a block holds the battles of one
 * upload chunk in arrival order as two byte strings, the ids (each a 2-byte big-endian length and its UTF-8
 * bytes) and the contents (each 9 bytes: model A and model B as big-endian arena_model ids, then the outcome
 * ordinal; model A 0 means a battle stored before contents were kept, which compares equal to any content).
 * Two million battles are some forty rows instead of two million rows and a two-million-key index.
 *
 * <p>{@link Index} is what an upload deduplicates against: every battle id of the arena, loaded once under the
 * arena's lock, in an open-addressing hash table whose hits are confirmed byte by byte, so the check is exact
 * (the hash only spreads the table). It costs about 35 bytes per stored battle while an upload runs.
 */
final class BattleBlocks {

    /** Bytes of one battle's content in a block. */
    static final int CONTENT_BYTES = 9;

    private BattleBlocks() {
    }

    /** A battle's content as one long (0 = not kept): model A in bits 33-63, model B in 2-32, outcome in 0-1. */
    static long pack(int modelA, int modelB, int outcome) {
        return ((long) modelA << 33) | ((long) modelB << 2) | outcome;
    }

    static int modelA(long content) {
        return (int) (content >>> 33);
    }

    static int modelB(long content) {
        return (int) ((content >>> 2) & 0x7FFFFFFFL);
    }

    static int outcome(long content) {
        return (int) (content & 3);
    }

    /** The content of battle {@code i} of a block's content bytes. */
    static long content(byte[] contents, int i) {
        int p = i * CONTENT_BYTES;
        return pack(readInt(contents, p), readInt(contents, p + 4), contents[p + 8]);
    }

    /** The ids of a block's id bytes, in order. */
    static String[] ids(byte[] ids, int size) {
        String[] out = new String[size];
        int p = 0;
        for (int i = 0; i < size; i++) {
            int len = ((ids[p] & 0xFF) << 8) | (ids[p + 1] & 0xFF);
            out[i] = new String(ids, p + 2, len, StandardCharsets.UTF_8);
            p += 2 + len;
        }
        return out;
    }

    private static int readInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    /**
     * 64-bit FNV-1a of the bytes with MurmurHash3's fmix64 finaliser. Hand-written because no library on the
     * class path hashes a byte range to 64 bits; equality is always confirmed on the bytes.
     */
    static long hash(byte[] b, int from, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + len; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /**
     * Battles counted per content ({@link #pack}ed model A, model B, outcome): an open-addressing table, because a
     * java.util.HashMap boxes a Long per battle and these keys crowd its buckets.
     */
    static final class Counts {
        private long[] keys = new long[1024]; // 0 = empty (a packed content of a counted battle is never 0)
        private long[] counts = new long[1024];
        private int size;

        void add(long key) {
            int mask = keys.length - 1;
            int s = spread(key) & mask;
            while (keys[s] != 0 && keys[s] != key) {
                s = (s + 1) & mask;
            }
            if (keys[s] == 0) {
                keys[s] = key;
                if (++size * 2 > keys.length) {
                    counts[s]++;
                    grow();
                    return;
                }
            }
            counts[s]++;
        }

        /** Receives a key and its count. */
        interface Each {
            void accept(long key, long count);
        }

        /** Calls {@code each} with every key and its count. */
        void forEach(Each each) {
            for (int s = 0; s < keys.length; s++) {
                if (keys[s] != 0) {
                    each.accept(keys[s], counts[s]);
                }
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        private static int spread(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int s = spread(oldKeys[i]) & mask;
                    while (keys[s] != 0) {
                        s = (s + 1) & mask;
                    }
                    keys[s] = oldKeys[i];
                    counts[s] = oldCounts[i];
                }
            }
        }
    }

    /**
     * The battle ids of an arena (stored blocks, then the block being built), each with its content. Ordinals
     * number the battles in arrival order. Not thread-safe: one ingestion uses it, one step at a time.
     */
    static final class Index {
        private byte[][] blockIds = new byte[8][];
        private int[] blockStart = new int[8];
        private int blocks;
        private int[] lowHashes = new int[1024]; // the low half of each battle's id hash: its home slot
        private int[] offsets = new int[1024];
        private long[] contents = new long[1024];
        private int size;
        // high half of the id hash << 32 | ordinal + 1 (0 = empty): a probe compares hashes without leaving the table
        private long[] slots = new long[2048];
        // the block being built
        private byte[] current = new byte[1 << 16];
        private int currentLength;
        private byte[] currentContents = new byte[CONTENT_BYTES * 1024];
        private int currentStart = -1;

        /** Battles indexed. */
        int size() {
            return size;
        }

        /** Registers a stored block (its ids are distinct from every indexed id: the store wrote it so). */
        void addStored(byte[] ids, byte[] contentBytes, int n) {
            int block = newBlock(ids);
            int p = 0;
            for (int i = 0; i < n; i++) {
                int len = ((ids[p] & 0xFF) << 8) | (ids[p + 1] & 0xFF);
                add(hash(ids, p + 2, len), p, BattleBlocks.content(contentBytes, i), block);
                p += 2 + len;
            }
        }

        /** Starts the block new battles go to ({@link #addNew}). */
        void startBlock() {
            currentStart = size;
            currentLength = 0;
            newBlock(current);
        }

        /**
         * The ordinal of the battle with this id (UTF-8 bytes), or -1. The ids of the block being built
         * count too, so an id given twice in one upload is found.
         */
        int find(byte[] id, long hash) {
            int mask = slots.length - 1;
            int high = (int) (hash >>> 32);
            for (int s = (int) hash & mask; ; s = (s + 1) & mask) {
                long slot = slots[s];
                if (slot == 0) {
                    return -1;
                }
                if ((int) (slot >>> 32) == high && sameId((int) slot - 1, id)) {
                    return (int) slot - 1;
                }
            }
        }

        long content(int ordinal) {
            return contents[ordinal];
        }

        /** Adds a new battle (its id not indexed: check with {@link #find} first) to the block being built. */
        void addNew(byte[] id, long hash, long content) {
            int need = currentLength + 2 + id.length;
            if (need > current.length) {
                current = Arrays.copyOf(current, Math.max(need, current.length * 2));
                blockIds[blocks - 1] = current;
            }
            current[currentLength] = (byte) (id.length >>> 8);
            current[currentLength + 1] = (byte) id.length;
            System.arraycopy(id, 0, current, currentLength + 2, id.length);
            int n = size - currentStart;
            if ((n + 1) * CONTENT_BYTES > currentContents.length) {
                currentContents = Arrays.copyOf(currentContents, currentContents.length * 2);
            }
            int p = n * CONTENT_BYTES;
            int a = modelA(content);
            int b = modelB(content);
            currentContents[p] = (byte) (a >>> 24);
            currentContents[p + 1] = (byte) (a >>> 16);
            currentContents[p + 2] = (byte) (a >>> 8);
            currentContents[p + 3] = (byte) a;
            currentContents[p + 4] = (byte) (b >>> 24);
            currentContents[p + 5] = (byte) (b >>> 16);
            currentContents[p + 6] = (byte) (b >>> 8);
            currentContents[p + 7] = (byte) b;
            currentContents[p + 8] = (byte) outcome(content);
            add(hash, currentLength, content, blocks - 1);
            currentLength = need;
        }

        /** Battles added to the block being built. */
        int currentSize() {
            return currentStart < 0 ? 0 : size - currentStart;
        }

        /**
         * Ends the block being built and returns its id bytes and content bytes, exactly sized; the index keeps
         * the ids (later battles are compared with them). Null when the block is empty (it is dropped).
         */
        byte[][] finishBlock() {
            int n = currentSize();
            if (n == 0) {
                blocks--;
                currentStart = -1;
                return null;
            }
            byte[] ids = Arrays.copyOf(current, currentLength);
            blockIds[blocks - 1] = ids;
            current = new byte[Math.max(1 << 16, currentLength + (currentLength >> 3))];
            currentStart = -1;
            return new byte[][] {ids, Arrays.copyOf(currentContents, n * CONTENT_BYTES)};
        }

        private int newBlock(byte[] ids) {
            if (blocks == blockIds.length) {
                blockIds = Arrays.copyOf(blockIds, blocks * 2);
                blockStart = Arrays.copyOf(blockStart, blocks * 2);
            }
            blockIds[blocks] = ids;
            blockStart[blocks] = size;
            return blocks++;
        }

        private void add(long hash, int offset, long content, int block) {
            if (size == lowHashes.length) {
                int cap = size * 2;
                lowHashes = Arrays.copyOf(lowHashes, cap);
                offsets = Arrays.copyOf(offsets, cap);
                contents = Arrays.copyOf(contents, cap);
            }
            if ((size + 1) * 2 > slots.length) {
                rehash(slots.length * 2);
            }
            lowHashes[size] = (int) hash;
            offsets[size] = offset;
            contents[size] = content;
            int mask = slots.length - 1;
            int s = (int) hash & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = (hash & 0xFFFFFFFF00000000L) | ++size;
        }

        private void rehash(int capacity) {
            long[] fresh = new long[capacity];
            int mask = capacity - 1;
            for (long slot : slots) {
                if (slot != 0) {
                    int s = lowHashes[(int) slot - 1] & mask;
                    while (fresh[s] != 0) {
                        s = (s + 1) & mask;
                    }
                    fresh[s] = slot;
                }
            }
            slots = fresh;
        }

        private boolean sameId(int ordinal, byte[] id) {
            int block = blockOf(ordinal);
            byte[] ids = blockIds[block];
            int p = offsets[ordinal];
            int len = ((ids[p] & 0xFF) << 8) | (ids[p + 1] & 0xFF);
            return len == id.length && Arrays.equals(ids, p + 2, p + 2 + len, id, 0, len);
        }

        private int blockOf(int ordinal) {
            int i = Arrays.binarySearch(blockStart, 0, blocks, ordinal);
            if (i >= 0) {
                while (i + 1 < blocks && blockStart[i + 1] == ordinal) {
                    i++; // an empty block shares its start with the next (cannot happen for stored blocks)
                }
                return i;
            }
            return -i - 2;
        }
    }
}
