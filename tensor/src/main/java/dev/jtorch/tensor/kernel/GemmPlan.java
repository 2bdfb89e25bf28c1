package dev.jtorch.tensor.kernel;

import dev.jtorch.tensor.Parallel;

/**
 * Cache blocking and task splitting shared by the float32 and float64 GEMM drivers (BLIS
 * terminology: {@code KC} is the depth of a packed panel, {@code MC} the rows of a packed
 * {@code A} block, {@code NC} the columns of a packed {@code B} block).
 *
 * <p>Blocks are sized for a core with a 32 KB L1, 1 MB L2 and a shared L3: a {@code KC x NR}
 * micro-panel of {@code B} (32 KB for float32 on AVX-512) is reused from L1/L2 by every row tile
 * of the {@code MC x KC} block of {@code A} (240 KB, in L2), and the {@code KC x NC} block of
 * {@code B} (2 MB) sits in L3. Measured on a 2-core AVX-512 machine: KC 128 to 512 and MC 120 to
 * 480 gave the same speed within noise; KC 64 was clearly slower.
 */
final class GemmPlan {
    private GemmPlan() {}

    /**
     * Below this many multiply-adds ({@code m * n * k}) a GEMM runs on the calling thread only. With the
     * pool's threads spinning between regions (see {@link Parallel}) a hand-off costs a few
     * microseconds, and splitting paid from here (one JVM, alternating, against 2^20 and 2^19):
     * 64x64x64 11.0 us against 14.4, 96^3 28.4 against 41.5, 128x128x10 (an MLP's last layer) 24.2
     * against 34.1; 2^16 and 2^15 were no better.
     */
    static final long PARALLEL_MIN_WORK = 1L << 17;
    /** A task gets at least this many multiply-adds, so the hand-off stays small beside it. */
    static final long TASK_MIN_WORK = 1L << 16;
    /** At or below this many multiply-adds the plain scalar loop beats packing. */
    static final long TINY_WORK = 512;

    /** Bytes of packed {@code B} per element, per dtype, scale the blocks: float32 = 4, float64 = 8. */
    static int kc(int elementBytes) {
        return elementBytes == 4 ? 256 : 128;
    }

    static int mc(int mr) {
        return Math.max(mr, 240 / mr * mr);
    }

    static int nc(int nr) {
        return Math.max(nr, 2048 / nr * nr);
    }

    /**
     * How many tasks to split an {@code m x n x k} product into: 1 below the parallel threshold,
     * else up to two per thread (dynamic claiming evens out cores that other work slows down),
     * each with at least {@link #TASK_MIN_WORK} multiply-adds and one tile of the split dimension.
     */
    static int tasks(int m, int n, int k, int mr, int nr, boolean bRowMajor) {
        return tasks(m, n, k, mr, nr, bRowMajor, 1.0);
    }

    /** {@link #tasks(int, int, int, int, int, boolean)} with {@link #splitRows(int, int, int, int, boolean, double)}'s {@code A} cost. */
    static int tasks(int m, int n, int k, int mr, int nr, boolean bRowMajor, double aCost) {
        long work = (long) m * n * k;
        if (work < PARALLEL_MIN_WORK || Parallel.inParallelRegion()) {
            return 1;
        }
        int threads = Parallel.getNumThreads();
        if (threads <= 1) {
            return 1;
        }
        long byWork = work / TASK_MIN_WORK;
        int tiles = splitRows(m, n, mr, nr, bRowMajor, aCost) ? ceilDiv(m, mr) : ceilDiv(n, nr);
        return (int) Math.max(1, Math.min(Math.min(2L * threads, byWork), tiles));
    }

    /**
     * Whether to split the rows of {@code C} rather than its columns. Splitting rows makes every
     * task pack all of {@code B} ({@code k x n}); splitting columns makes every task pack all of
     * {@code A} ({@code m x k}). So the split goes where the repeated packing is cheaper: a row-major
     * {@code B} packs with vector copies (about a quarter of the cost of the scalar copies that pack
     * a general {@code A}, or a transposed {@code B} such as a Linear layer's {@code weight.t()}), unless the
     * preferred dimension has too few tiles to go round.
     */
    static boolean splitRows(int m, int n, int mr, int nr, boolean bRowMajor) {
        return splitRows(m, n, mr, nr, bRowMajor, 1.0);
    }

    /**
     * {@link #splitRows(int, int, int, int, boolean)} with the cost of packing one element of
     * {@code A} relative to a scalar copy: 0 for a driver that reads a row-major {@code A} in place,
     * about 1/2 for a column-major {@code A} packed with vector copies, 1 for scalar copies. (When
     * {@code C} has at most {@code 4 * mr} rows and {@code B} is row-major, {@code B} is read in
     * place and {@code A} is packed, so a cost of 0 counts as 1 there.)
     */
    static boolean splitRows(int m, int n, int mr, int nr, boolean bRowMajor, double aCost) {
        int rowTiles = ceilDiv(m, mr);
        int colTiles = ceilDiv(n, nr);
        if (aCost == 0 && bRowMajor && m <= 4 * mr) {
            aCost = 1;
        }
        double repeatedB = bRowMajor ? n / 4.0 : n;
        if (repeatedB <= m * aCost) {
            return rowTiles >= 4 || rowTiles >= colTiles;
        }
        return !(colTiles >= 4 || colTiles >= rowTiles);
    }

    /** Start of part {@code t} of {@code parts} over {@code [0, extent)}, aligned to {@code align}. */
    static int partStart(int t, int parts, int extent, int align) {
        int units = ceilDiv(extent, align);
        int per = units / parts;
        int extra = units % parts;
        int start = (t * per + Math.min(t, extra)) * align;
        return Math.min(start, extent);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
