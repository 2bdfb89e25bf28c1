package dev.jtorch.bench;

/**
 * How much work one operation of a workload does, so that a time per op becomes a throughput:
 * floating-point operations (matmul, conv: GFLOP/s), bytes moved (elementwise, reductions: the
 * minimal traffic, each input read once and the output written once: GB/s), plain calls (small-op
 * overhead: millions of ops per second), or training samples (an epoch: samples per second).
 */
public final class Work {
    /** The unit a workload's amount is counted in. */
    public enum Kind {
        FLOPS("GFLOP/s", 1e9),
        BYTES("GB/s", 1e9),
        CALLS("Mop/s", 1e6),
        SAMPLES("samples/s", 1);

        final String unit;
        final double scale;

        Kind(String unit, double scale) {
            this.unit = unit;
            this.scale = scale;
        }
    }

    private final Kind kind;
    private final double amount;

    private Work(Kind kind, double amount) {
        if (!(amount > 0)) {
            throw new IllegalArgumentException("work per op must be positive, got " + amount);
        }
        this.kind = kind;
        this.amount = amount;
    }

    /** {@code flops} floating-point operations per op (a matmul of m x k by k x n is {@code 2 m n k}). */
    public static Work flops(double flops) {
        return new Work(Kind.FLOPS, flops);
    }

    /** {@code bytes} moved per op. */
    public static Work bytes(double bytes) {
        return new Work(Kind.BYTES, bytes);
    }

    /** One call per op: throughput is reported in millions of ops per second. */
    public static Work calls() {
        return new Work(Kind.CALLS, 1);
    }

    /** {@code n} training samples per op (an epoch): throughput is reported in samples per second. */
    public static Work samples(double n) {
        return new Work(Kind.SAMPLES, n);
    }

    public Kind kind() {
        return kind;
    }

    public double amount() {
        return amount;
    }

    /** Throughput in this work's unit (GFLOP/s, GB/s or Mop/s) at {@code secondsPerOp}. */
    public double throughput(double secondsPerOp) {
        return amount / secondsPerOp / kind.scale;
    }

    /** The throughput at {@code secondsPerOp} with its unit, three significant digits: {@code "12.3 GB/s"}. */
    public String formatThroughput(double secondsPerOp) {
        return Format.significant(throughput(secondsPerOp)) + " " + kind.unit;
    }
}
