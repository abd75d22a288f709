package io.augur.platform.database;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Public ids for rows written in bulk, made here rather than by the database: UUID version 7 of RFC 9562
 * (section 5.7): 48 bits of Unix milliseconds, the version, 12 random bits, the variant, 62 random bits. 74
 * random bits keep ids unguessable; the time prefix sends new ids to the right edge of a unique index.
 * <p>
 * Why not the column's default: PostgreSQL's {@code gen_random_uuid()} reads the operating system's random source
 * once per row, which was 1.5 s of a million-row import (measured, issue 14); one {@link SecureRandom} read per
 * batch here costs milliseconds. A batch's ids are sorted, so its rows enter the index in order.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** {@code n} new version-7 ids in ascending order, all with the current millisecond. */
    public static UUID[] next(int n) {
        byte[] random = new byte[n * 16];
        RANDOM.nextBytes(random);
        long millis = System.currentTimeMillis();
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            long a = 0;
            long b = 0;
            for (int j = 0; j < 8; j++) {
                a = (a << 8) | (random[16 * i + j] & 0xff);
                b = (b << 8) | (random[16 * i + 8 + j] & 0xff);
            }
            long msb = (millis << 16) | 0x7000L | (a & 0x0fffL);
            long lsb = (b & 0x3fffffffffffffffL) | 0x8000000000000000L;
            ids[i] = new UUID(msb, lsb);
        }
        // UUID.compareTo compares the halves as signed longs: right here, as every msb is positive (a millisecond
        // count below 2^47) and every lsb has the same top bits (the variant)
        Arrays.sort(ids);
        return ids;
    }
}
