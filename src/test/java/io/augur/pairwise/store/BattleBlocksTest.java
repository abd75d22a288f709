package io.augur.pairwise.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The block encoding round-trips, and the id index finds exactly the ids it holds, stored or new. */
class BattleBlocksTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int find(BattleBlocks.Index index, String id) {
        byte[] b = utf8(id);
        return index.find(b, BattleBlocks.hash(b, 0, b.length));
    }

    private static void add(BattleBlocks.Index index, String id, long content) {
        byte[] b = utf8(id);
        index.addNew(b, BattleBlocks.hash(b, 0, b.length), content);
    }

    @Test
    void contentsPackTheLargestModelIds() {
        long c = BattleBlocks.pack(Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 2);
        assertEquals(Integer.MAX_VALUE, BattleBlocks.modelA(c));
        assertEquals(Integer.MAX_VALUE - 1, BattleBlocks.modelB(c));
        assertEquals(2, BattleBlocks.outcome(c));
        assertEquals(0, BattleBlocks.pack(0, 0, 0)); // a battle stored without content
    }

    @Test
    void blocksRoundTripAndEveryIdIsFoundOnceStoredOrNew() {
        BattleBlocks.Index index = new BattleBlocks.Index();
        index.startBlock();
        int n = 30_000; // several rehashes and buffer growths
        for (int i = 0; i < n; i++) {
            String id = i % 3 == 0 ? "row-" + i : "é-" + i + "-" + "x".repeat(i % 50);
            assertEquals(-1, find(index, id));
            add(index, id, BattleBlocks.pack(i + 1, i + 2, i % 3));
        }
        byte[][] block = index.finishBlock();
        assertEquals(n * BattleBlocks.CONTENT_BYTES, block[1].length);
        String[] ids = BattleBlocks.ids(block[0], n);
        for (int i = 0; i < n; i++) {
            assertEquals(i % 3 == 0 ? "row-" + i : "é-" + i + "-" + "x".repeat(i % 50), ids[i]);
            assertEquals(BattleBlocks.pack(i + 1, i + 2, i % 3), BattleBlocks.content(block[1], i));
        }
        // a new upload: the block is stored, loaded into a fresh index, and new ids go to a second block
        BattleBlocks.Index loaded = new BattleBlocks.Index();
        loaded.addStored(block[0], block[1], n);
        assertEquals(n, loaded.size());
        for (int i = 0; i < n; i += 7) {
            int ord = find(loaded, ids[i]);
            assertEquals(i, ord);
            assertEquals(BattleBlocks.pack(i + 1, i + 2, i % 3), loaded.content(ord));
        }
        assertEquals(-1, find(loaded, "row-1")); // 1 % 3 != 0: never stored under this id
        assertEquals(-1, find(loaded, "row-" + n));
        loaded.startBlock();
        add(loaded, "late", BattleBlocks.pack(5, 6, 1));
        assertEquals(n, find(loaded, "late")); // an id of the block being built is found (given twice in an upload)
        assertEquals(0, find(loaded, "row-0"));
        byte[][] second = loaded.finishBlock();
        assertArrayEquals(new String[] {"late"}, BattleBlocks.ids(second[0], 1));
        assertEquals(n, find(loaded, "late")); // still found after its block is finished
        loaded.startBlock();
        assertNull(loaded.finishBlock()); // an upload of known battles only writes no block
        assertEquals(n + 1, loaded.size());
    }

    @Test
    void countsAddUpPerContent() {
        BattleBlocks.Counts counts = new BattleBlocks.Counts();
        java.util.Map<Long, Long> expected = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            long key = BattleBlocks.pack(1 + random.nextInt(150), 1 + random.nextInt(150), random.nextInt(3));
            counts.add(key);
            expected.merge(key, 1L, Long::sum);
        }
        java.util.Map<Long, Long> seen = new java.util.HashMap<>();
        counts.forEach((key, count) -> assertNull(seen.put(key, count)));
        assertEquals(expected, seen);
    }
}
