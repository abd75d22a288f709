package io.augur.pairwise.api;

import io.augur.pairwise.engine.BattleSink;
import io.augur.pairwise.engine.BattleSource;
import io.augur.pairwise.store.ArenaStore.BattleChunk;
import io.augur.platform.compute.ComputePool;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an uploaded battle file chunk by chunk on the compute pool, for the store to write each chunk while
 * the next is not yet parsed: memory stays bounded by one chunk whatever the file's size. Battle ids come
 * from the file's battle_id column or field; a file without one gets ids derived from the position of each
 * record in the file ({@code row-<n>}, or {@code <idPrefix>:<n>}, n counting every record from 1), so re-sending
 * the same file, or the same file with battles appended at its end, adds only what is new; a record changed in
 * place is a 409 (its derived id is stored with another content). Not thread-safe: one request's chunks are
 * read one after another.
 */
final class BattleChunks {

    static final int CHUNK = 50_000;

    private final ComputePool compute;
    private final BattleFiles.Upload upload;
    private final String idPrefix;
    private final List<String> models = new ArrayList<>();
    private BattleSource source;
    private long records;
    private String idSource;

    BattleChunks(ComputePool compute, BattleFiles.Upload upload, String idPrefix) {
        this.compute = compute;
        this.upload = upload;
        this.idPrefix = idPrefix;
    }

    /** The next chunk (size 0 at the end of the file). */
    Uni<BattleChunk> next() {
        return compute.submit(this::read);
    }

    /** Records read so far (battles dropped by a filter included). */
    long records() {
        return records;
    }

    String format() {
        return source == null ? null : source.format();
    }

    /** Where the battle ids came from. */
    String idSource() {
        return idSource;
    }

    private BattleChunk read() {
        if (source == null) {
            source = upload.open();
        }
        int[] a = new int[CHUNK];
        int[] b = new int[CHUNK];
        byte[] outcome = new byte[CHUNK];
        String[] ids = new String[CHUNK];
        int[] n = {0};
        boolean[] mixed = {false};
        source.next(CHUNK, new BattleSink() {
            @Override
            public int model(String name) {
                models.add(name);
                return models.size() - 1;
            }

            @Override
            public void battle(int ma, int mb, int o, String battleId, long position) {
                int i = n[0]++;
                a[i] = ma;
                b[i] = mb;
                outcome[i] = (byte) o;
                records = position;
                if (battleId == null) {
                    ids[i] = idPrefix == null ? "row-" + position : idPrefix + ":" + position;
                    mixed[0] |= idSource != null && !idSource.startsWith("derived");
                    idSource = idSource == null ? "derived from the record's position" : idSource;
                } else {
                    ids[i] = battleId;
                    mixed[0] |= idSource != null && idSource.startsWith("derived");
                    idSource = idSource == null ? source.idSource() : idSource;
                }
            }
        });
        if (mixed[0]) {
            throw io.augur.platform.problem.ProblemException.invalid("file", "some battles have a battle_id and some "
                    + "do not; give every battle an id, or none (ids are then derived from the record positions)");
        }
        int size = n[0];
        return new BattleChunk(List.copyOf(models), a, b, outcome, size == CHUNK ? ids : Arrays.copyOf(ids, size), size);
    }
}
