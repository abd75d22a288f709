package io.augur.matrix.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's speed floor through the API, the whole request: POST /api/v1/matrix/completions with a 1,000-model x
 * 200-benchmark table (planted rank 10 plus noise, half the cells missing at random), ALS rank 10, lambda 1, 200
 * bootstrap rounds, every missing cell predicted with an interval (JSON parse and validation, fit, rounds on the
 * compute pool, serialisation of the ~100,000 predicted cells, transfer). Run with
 * {@code ./mvnw -B test -Pbench -Dtest=MatrixApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Interleaves
 * 10-round requests (the API's minimum: about the fits alone) with 200-round ones so that load from other processes
 * falls on both alike; prints every request, the minimum and the maximum, and the JVM's CPU time per request (runs: -Dapibench.runs, default 2). No
 * assertion on time.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(MatrixApiBenchmark.LongBudget.class)
@Tag("benchmark")
class MatrixApiBenchmark {

    /** A busy shared machine can stretch a request past the default 60 s compute budget; the benchmark measures, not refuses. */
    public static class LongBudget implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("augur.compute.time-budget", "600S");
        }
    }

    static String body(int nm, int nb, int rank, double missing, long seed, int rounds) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] u = new double[nm][rank];
        double[][] v = new double[nb][rank];
        for (double[] r : u) {
            for (int i = 0; i < rank; i++) {
                r[i] = gaussian(rng);
            }
        }
        for (double[] r : v) {
            for (int i = 0; i < rank; i++) {
                r[i] = gaussian(rng) / Math.sqrt(rank);
            }
        }
        StringBuilder sb = new StringBuilder(nm * nb * 8);
        sb.append("{\"models\":[");
        for (int m = 0; m < nm; m++) {
            sb.append(m == 0 ? "" : ",").append("\"model-").append(m).append('"');
        }
        sb.append("],\"benchmarks\":[");
        for (int b = 0; b < nb; b++) {
            sb.append(b == 0 ? "" : ",").append("\"bench-").append(b).append('"');
        }
        sb.append("],\"scores\":[");
        for (int m = 0; m < nm; m++) {
            sb.append(m == 0 ? "[" : ",[");
            for (int b = 0; b < nb; b++) {
                double s = 0;
                for (int i = 0; i < rank; i++) {
                    s += u[m][i] * v[b][i];
                }
                boolean keep = m == 0 || b == 0 || rng.nextDouble() >= missing;
                sb.append(b == 0 ? "" : ",");
                sb.append(keep ? String.format(java.util.Locale.ROOT, "%.5f", 0.5 + 0.1 * s + 0.01 * gaussian(rng)) : "null");
            }
            sb.append(']');
        }
        sb.append("],\"method\":\"als\",\"rank\":").append(rank).append(",\"lambda\":1.0,\"bootstrap\":{\"rounds\":").append(rounds)
                .append(",\"seed\":7}}");
        return sb.toString();
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void thousandByTwoHundredRankTenThroughTheApi() throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("APIBENCH cores available: %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                os.getSystemLoadAverage());
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/matrix/completions");
        int[] rounds = {10, 200};
        byte[][] bodies = new byte[2][];
        for (int i = 0; i < 2; i++) {
            bodies[i] = body(1000, 200, 10, 0.5, 2026, rounds[i]).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        int runs = Integer.getInteger("apibench.runs", 2);
        double[][] wall = new double[2][runs];
        double[][] cpu = new double[2][runs];
        for (int run = -1; run < runs; run++) { // run -1: warm-up of both
            for (int i = 0; i < 2; i++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .header(io.augur.testing.TestKeys.HEADER, io.augur.testing.TestKeys.ADMIN)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i])).build(), HttpResponse.BodyHandlers.ofByteArray());
                double ms = (System.nanoTime() - t0) / 1e6;
                double cms = (os.getProcessCpuTime() - c0) / 1e6;
                if (r.statusCode() != 200) {
                    throw new AssertionError("status " + r.statusCode() + ": " + new String(r.body(), 0, Math.min(500, r.body().length)));
                }
                System.out.printf("APIBENCH %s rounds %3d: %8.0f ms wall, JVM CPU %8.0f ms, request %.1f MB, response %.1f MB, load %.1f%n",
                        run < 0 ? "warm-up" : "run " + run, rounds[i], ms, cms, bodies[i].length / 1e6, r.body().length / 1e6,
                        os.getSystemLoadAverage());
                if (run >= 0) {
                    wall[i][run] = ms;
                    cpu[i][run] = cms;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            double[] w = wall[i].clone();
            double[] c = cpu[i].clone();
            Arrays.sort(w);
            Arrays.sort(c);
            System.out.printf("APIBENCH rounds %3d: wall min %.0f ms, max %.0f ms; JVM CPU min %.0f ms, max %.0f ms%n", rounds[i],
                    w[0], w[runs - 1], c[0], c[runs - 1]);
        }
    }
}
