package dev.jtorch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes used while the runner ran, from Linux's {@code /proc/stat} (all
 * cores' busy and stolen time) minus this JVM's own CPU time. The load average cannot tell: it
 * counts the run's own threads, and the Maven build that starts the run, so it read "busy" on a
 * machine where nothing else ran.
 */
final class CpuUse {
    /** The machine's counters (clock ticks) and this JVM's CPU time and the wall clock (nanoseconds). */
    record Sample(long busyTicks, long stealTicks, long totalTicks, long processNanos, long wallNanos) {}

    private CpuUse() {}

    /** Now, or null where {@code /proc/stat} or the JVM's process CPU time is not available. */
    static Sample now() {
        long process = processCpuNanos();
        if (process < 0) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("cpu ")) {
                    return parse(line, process, System.nanoTime());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    /** A sample from {@code /proc/stat}'s aggregate line: user nice system idle iowait irq softirq steal ... */
    static Sample parse(String cpuLine, long processNanos, long wallNanos) {
        String[] f = cpuLine.trim().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            v[i] = i + 1 < f.length ? Long.parseLong(f[i + 1]) : 0;
        }
        long busy = v[0] + v[1] + v[2] + v[5] + v[6];
        long total = busy + v[3] + v[4] + v[7];
        return new Sample(busy, v[7], total, processNanos, wallNanos);
    }

    /**
     * Cores' worth of CPU that other processes used between the samples (this JVM's CPU time taken
     * out of the machine's busy time), and the share of all CPU time the host stole; NaNs when unknown.
     */
    static double[] othersAndSteal(Sample a, Sample b, int cores) {
        if (a == null || b == null || b.totalTicks <= a.totalTicks || b.wallNanos <= a.wallNanos) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double total = b.totalTicks - a.totalTicks;
        double busyCores = (b.busyTicks - a.busyTicks) / total * cores;
        double ownCores = (double) (b.processNanos - a.processNanos) / (b.wallNanos - a.wallNanos);
        return new double[] {Math.max(0, busyCores - ownCores), (b.stealTicks - a.stealTicks) / total};
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }
}
