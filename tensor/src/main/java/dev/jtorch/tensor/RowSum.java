package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.ReduceOp;
import dev.jtorch.tensor.kernel.ReductionKernels;

/**
 * The sum of one long contiguous row (a full {@code sum()} or {@code mean()} of a large array) split
 * over the {@link Parallel} pool as ATen's two-pass reduction does: each chunk is summed on its own
 * (the kernel's cascade sum), then the partial sums are added in chunk order, starting from zero.
 * The chunks are {@link FlatParallel}'s, fixed by the row length and the thread count only; the
 * partials are combined in index order whichever thread computed them, so the result is the same
 * bits for the same input and thread count. Rows below {@link #MIN_PARALLEL}, one thread
 * and nested regions keep the single serial cascade.
 */
final class RowSum {
    private RowSum() {}

    private static final ReductionKernels K = Kernels.REDUCTION;

    /**
     * Rows shorter than this are summed on the calling thread: {@link FlatParallel}'s threshold. With
     * the pool's threads spinning between regions (see {@link Parallel}) a split sum pays from there:
     * 256K floats 17 us against 34 us serial, 1M 68-71 us against 113-152 us (one JVM, alternating).
     * (When waking the helper cost 0.1-0.4 ms, a 1M sum was faster serial and this was 4M.)
     */
    static final int MIN_PARALLEL = FlatParallel.MIN_PARALLEL;

    /** True when a row of {@code n} elements is always summed serially. */
    static boolean serial(int n) {
        return FlatParallel.serial(n);
    }

    /** How many chunks a contiguous row of {@code n} elements is summed in; 1 for the serial sum. */
    static int chunks(int n) {
        return serial(n) ? 1 : FlatParallel.tasks(n, Parallel.getNumThreads(), Parallel.inParallelRegion());
    }

    static float sum(float[] x, int off, int n, int chunks) {
        if (chunks <= 1) {
            return K.reduce(ReduceOp.SUM, x, off, 1, n);
        }
        float[] part = new float[chunks];
        Parallel.parallelFor(chunks, t -> {
            int from = FlatParallel.start(t, chunks, n);
            part[t] = K.reduce(ReduceOp.SUM, x, off + from, 1, FlatParallel.start(t + 1, chunks, n) - from);
        });
        float s = 0;
        for (float p : part) {
            s += p;
        }
        return s;
    }

    static double sum(double[] x, int off, int n, int chunks) {
        if (chunks <= 1) {
            return K.reduce(ReduceOp.SUM, x, off, 1, n);
        }
        double[] part = new double[chunks];
        Parallel.parallelFor(chunks, t -> {
            int from = FlatParallel.start(t, chunks, n);
            part[t] = K.reduce(ReduceOp.SUM, x, off + from, 1, FlatParallel.start(t + 1, chunks, n) - from);
        });
        double s = 0;
        for (double p : part) {
            s += p;
        }
        return s;
    }
}
