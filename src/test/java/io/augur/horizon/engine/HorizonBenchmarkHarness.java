package io.augur.horizon.engine;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Timing for the horizon and reliability benchmarks: 3 warm-up runs, then the median of 5 timed runs,
 * wall clock and the calling thread's CPU time (the engines run on the calling thread, so its CPU time
 * is the steadier figure when other builds share the cores).
 */
public final class HorizonBenchmarkHarness {

    private HorizonBenchmarkHarness() {
    }

    public static <T> T time(String label, Supplier<T> job) {
        T result = null;
        for (int i = 0; i < 3; i++) {
            result = job.get();
        }
        double[] ms = new double[5];
        double[] cpu = new double[5];
        var bean = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ms.length; i++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = job.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("BENCH %-80s wall median %8.1f ms (min %.1f, max %.1f), thread CPU median %.1f ms%n", label,
                ms[2], ms[0], ms[4], cpu[2]);
        return result;
    }
}
