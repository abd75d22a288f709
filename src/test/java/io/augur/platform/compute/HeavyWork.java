package io.augur.platform.compute;

import java.util.StringJoiner;

/** A valid forecast request that keeps the compute pool busy for many seconds: 10,000 bootstrap refits
 * of Chinchilla on 400 points (minutes of CPU on two cores). */
final class HeavyWork {

    private HeavyWork() {
    }

    static String body() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        int k = 0;
        for (int i = 0; i < 20; i++) {
            for (int m = 0; m < 20; m++) {
                double n = 1e7 * Math.pow(10, i * 3.0 / 19);
                double d = 1e9 * Math.pow(10, m * 3.0 / 19);
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28)) * (k++ % 2 == 0 ? 1.002 : 0.998);
                j.add("{\"n\": " + n + ", \"d\": " + d + ", \"loss\": " + loss + "}");
            }
        }
        return "{\"form\": \"chinchilla\", \"points\": " + j + ", \"bootstrap\": {\"rounds\": 10000, \"seed\": 1}}";
    }
}
