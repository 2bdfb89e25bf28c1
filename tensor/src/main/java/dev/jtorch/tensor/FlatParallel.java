package dev.jtorch.tensor;

/**
 * Splits one flat elementwise row of {@code n} elements over the {@link Parallel} pool when it is
 * long enough to repay the hand-off ({@link #MIN_PARALLEL}), in chunks of at least PyTorch's
 * {@code at::internal::GRAIN_SIZE} (32768 elements), as ATen's TensorIterator does with {@code at::parallel_for}. Chunks start at multiples of
 * {@link #ALIGN} elements, so every chunk but the last is a whole number of SIMD blocks and the
 * last one ends where the row ends: the kernels' vector/tail split (which decides, e.g., which
 * elements of {@code add} with an alpha are fused) falls exactly where it falls in one serial call,
 * and the results are bit-identical whatever the thread count.
 */
final class FlatParallel {
    private FlatParallel() {}

    /** PyTorch's grain size: no chunk is smaller. */
    static final int GRAIN = 1 << 15;
    /**
     * Rows shorter than this stay on the calling thread. PyTorch splits from two grains (64K
     * elements), but on this 2-core machine libtorch's own 64K elementwise ops ran 3 to 7 times
     * slower on 2 threads than on 1 (BENCHMARKS.md): waking a second thread costs more than half
     * of a 64K op saves, and on a busy machine a descheduled helper stalls the op for a time slice.
     * From 256K elements (1 MB of float32) the split pays.
     */
    static final int MIN_PARALLEL = 1 << 18;
    /** Chunk starts are multiples of this (a multiple of every SIMD block and cache line in elements). */
    static final int ALIGN = 64;

    /** Receives one chunk: {@code [start, start + n)} of the row. */
    @FunctionalInterface
    interface Chunk {
        void run(int start, int n);
    }

    /** True when a row of {@code n} elements always runs on the calling thread, whatever the pool: callers skip building a task. */
    static boolean serial(int n) {
        return n < MIN_PARALLEL;
    }

    /** Runs {@code body} over {@code [0, n)}, in chunks on the pool when {@code n} is long enough. */
    static void run(int n, Chunk body) {
        int tasks = tasks(n, Parallel.getNumThreads(), Parallel.inParallelRegion());
        if (tasks <= 1) {
            body.run(0, n);
            return;
        }
        Parallel.parallelFor(tasks, t -> {
            int from = start(t, tasks, n);
            int to = start(t + 1, tasks, n);
            if (to > from) {
                body.run(from, to - from);
            }
        });
    }

    /**
     * How many chunks: one below {@link #MIN_PARALLEL}, in a nested region, or with one thread; else up
     * to two per thread (dynamic claiming evens out a core that other work slows down), each at least a grain.
     */
    static int tasks(int n, int threads, boolean nested) {
        if (threads <= 1 || nested || n < MIN_PARALLEL) {
            return 1;
        }
        return Math.max(1, Math.min(2 * threads, n / GRAIN));
    }

    /** Start of chunk {@code t} of {@code tasks}: a multiple of {@link #ALIGN}, the last chunk ending at {@code n}. */
    static int start(int t, int tasks, int n) {
        if (t >= tasks) {
            return n;
        }
        long s = (long) n * t / tasks;
        return (int) Math.min(n, s / ALIGN * ALIGN);
    }
}
