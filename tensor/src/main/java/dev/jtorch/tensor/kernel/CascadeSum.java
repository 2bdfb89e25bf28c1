package dev.jtorch.tensor.kernel;

/**
 * PyTorch's cascade sum ({@code aten/src/ATen/native/cpu/SumKernel.cpp}, {@code multi_row_sum},
 * {@code row_sum}, {@code vectorized_inner_sum}), in the same order of operations, so results are
 * bit-identical to libtorch's single-threaded CPU sum. Floats are added in the input precision, but
 * only numbers of a similar magnitude meet: level 0 adds {@code 2^p} items (p = max(4, ceilLog2(n)/4)),
 * then is added into level 1 and cleared, level 1 into level 2 every {@code 2^2p} items, and so on
 * over 4 levels: the error grows like {@code O(log n)} instead of {@code O(n)}, in one pass.
 *
 * <p>A strided (or short) row is read as {@code (n/4, 4)}: 4 independent cascades side by side
 * (PyTorch's {@code ilp_factor}), the leftover elements go into the first, then the four are added in
 * order ({@link #sum}). A contiguous row of at least one vector is read as vectors of
 * {@link #FLOAT_LANES} (or {@link #DOUBLE_LANES}) lanes, 4 vector cascades side by side; then the
 * scalar tail is summed and the lanes are added to it one by one ({@link #innerSum}).
 *
 * <p>The lane counts are those of {@code Vectorized<float>} in the AVX2 kernels that libtorch 2.10
 * runs for {@code sum} (measured on an AVX-512 machine: its results match 8 lanes bit for bit, not
 * 16). They are fixed on every machine, so jtorch's sums do not depend on the hardware's vector width.
 */
final class CascadeSum {
    private CascadeSum() {}

    static final int LEVELS = 4;
    static final int ILP = 4;
    /** Lanes of PyTorch's float sum vectors (AVX2). */
    static final int FLOAT_LANES = 8;
    /** Lanes of PyTorch's double sum vectors (AVX2). */
    static final int DOUBLE_LANES = 4;

    /** {@code c10}'s {@code CeilLog2}: 1 for x <= 2. */
    static int ceilLog2(long x) {
        return x <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(x - 1);
    }

    /** log2 of the number of items a cascade level adds before passing its sum up. */
    static int levelPower(long n) {
        return Math.max(4, ceilLog2(n) / LEVELS);
    }

    /**
     * True when, after {@code done} items, the carry from level {@code j-1} into {@code j} is the
     * last one of this round (PyTorch stops carrying once {@code done} is not a multiple of {@code 2^(j*p)}).
     */
    static boolean stopCarry(long done, int j, int levelPower) {
        long mask = ((1L << levelPower) - 1) << (j * levelPower);
        return (done & mask) != 0;
    }

    /**
     * How many leading columns of a column block PyTorch sums with one cascade per column
     * ({@code vectorized_outer_sum}'s 4-vector blocks, or {@code scalar_outer_sum}'s blocks of 4 when
     * there are fewer columns than lanes); the other columns get {@link #sum} down the column.
     */
    static int cascadeColumns(int cols, int lanes) {
        int block = cols >= lanes ? ILP * lanes : ILP;
        return cols / block * block;
    }

    /** PyTorch's {@code vectorized_inner_sum} over a contiguous row of at least {@code lanes} elements, in scalar form. */
    static float innerSum(float[] x, int off, int n, int lanes) {
        int groups = n / lanes / ILP;
        int lp = levelPower(groups);
        int step = 1 << lp;
        int w = ILP * lanes;
        float[] lv = new float[(LEVELS - 1) * w]; // level L, accumulator k, lane l at (L-1)*w + k*lanes + l
        int p = off;
        int g = 0;
        for (; groups - g >= step; g += step, p += step * w) {
            addGroups(x, p, step, w, lv);
            carry(lv, g + step, lp);
        }
        float[] a = new float[w]; // level 0
        addGroups(x, p, groups - g, w, a);
        return finishInner(x, off, n, p + (groups - g) * w, lanes, a, lv);
    }

    /** {@code dst[i] += sum over the groups of x[p + g*w + i]}, each of the {@code w} sums started from zero. */
    private static void addGroups(float[] x, int p, int count, int w, float[] dst) {
        float[] a = new float[w];
        for (int j = 0; j < count; j++, p += w) {
            for (int i = 0; i < w; i++) {
                a[i] += x[p + i];
            }
        }
        for (int i = 0; i < w; i++) {
            dst[i] += a[i];
        }
    }

    /**
     * The end of {@code vectorized_inner_sum} after the full rounds: level 0 ({@code a}) plus levels 1
     * to 3 ({@code lv}), the leftover whole vectors from {@code p} into accumulator 0, the 4
     * accumulators added in order, then the scalar tail summed from zero and the lanes added to it one by one.
     */
    static float finishInner(float[] x, int off, int n, int p, int lanes, float[] a, float[] lv) {
        int w = ILP * lanes;
        for (int i = 0; i < w; i++) {
            a[i] = a[i] + lv[i] + lv[w + i] + lv[2 * w + i];
        }
        for (int end = off + n / lanes * lanes; p < end; p += lanes) {
            for (int l = 0; l < lanes; l++) {
                a[l] += x[p + l];
            }
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < lanes; l++) {
                a[l] += a[k * lanes + l];
            }
        }
        float r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        for (int l = 0; l < lanes; l++) {
            r += a[l];
        }
        return r;
    }

    static double innerSum(double[] x, int off, int n, int lanes) {
        int groups = n / lanes / ILP;
        int lp = levelPower(groups);
        int step = 1 << lp;
        int w = ILP * lanes;
        double[] lv = new double[(LEVELS - 1) * w]; // level L, accumulator k, lane l at (L-1)*w + k*lanes + l
        int p = off;
        int g = 0;
        for (; groups - g >= step; g += step, p += step * w) {
            addGroups(x, p, step, w, lv);
            carry(lv, g + step, lp);
        }
        double[] a = new double[w]; // level 0
        addGroups(x, p, groups - g, w, a);
        return finishInner(x, off, n, p + (groups - g) * w, lanes, a, lv);
    }

    /** {@code dst[i] += sum over the groups of x[p + g*w + i]}, each of the {@code w} sums started from zero. */
    private static void addGroups(double[] x, int p, int count, int w, double[] dst) {
        double[] a = new double[w];
        for (int j = 0; j < count; j++, p += w) {
            for (int i = 0; i < w; i++) {
                a[i] += x[p + i];
            }
        }
        for (int i = 0; i < w; i++) {
            dst[i] += a[i];
        }
    }

    /**
     * The end of {@code vectorized_inner_sum} after the full rounds: level 0 ({@code a}) plus levels 1
     * to 3 ({@code lv}), the leftover whole vectors from {@code p} into accumulator 0, the 4
     * accumulators added in order, then the scalar tail summed from zero and the lanes added to it one by one.
     */
    static double finishInner(double[] x, int off, int n, int p, int lanes, double[] a, double[] lv) {
        int w = ILP * lanes;
        for (int i = 0; i < w; i++) {
            a[i] = a[i] + lv[i] + lv[w + i] + lv[2 * w + i];
        }
        for (int end = off + n / lanes * lanes; p < end; p += lanes) {
            for (int l = 0; l < lanes; l++) {
                a[l] += x[p + l];
            }
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < lanes; l++) {
                a[l] += a[k * lanes + l];
            }
        }
        double r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        for (int l = 0; l < lanes; l++) {
            r += a[l];
        }
        return r;
    }

    /** PyTorch's scalar {@code row_sum}: any stride, 4 interleaved cascades. */
    static float sum(float[] x, int off, int stride, int n) {
        int groups = n / ILP;
        int lp = levelPower(groups);
        int step = 1 << lp;
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        // levels 1..3 of the four cascades: lv[(level - 1) * 4 + k]; only needed when a carry happens
        float[] lv = groups >= step ? new float[(LEVELS - 1) * ILP] : null;
        int gs = ILP * stride;
        int i = 0;
        int p = off;
        while (groups - i >= step) {
            for (int j = 0; j < step; j++, i++, p += gs) {
                a0 += x[p];
                a1 += x[p + stride];
                a2 += x[p + 2 * stride];
                a3 += x[p + 3 * stride];
            }
            lv[0] += a0;
            lv[1] += a1;
            lv[2] += a2;
            lv[3] += a3;
            a0 = 0;
            a1 = 0;
            a2 = 0;
            a3 = 0;
            carry(lv, i, lp);
        }
        for (; i < groups; i++, p += gs) {
            a0 += x[p];
            a1 += x[p + stride];
            a2 += x[p + 2 * stride];
            a3 += x[p + 3 * stride];
        }
        if (lv != null) {
            a0 = a0 + lv[0] + lv[4] + lv[8];
            a1 = a1 + lv[1] + lv[5] + lv[9];
            a2 = a2 + lv[2] + lv[6] + lv[10];
            a3 = a3 + lv[3] + lv[7] + lv[11];
        }
        for (int t = groups * ILP; t < n; t++) {
            a0 += x[off + t * stride];
        }
        return a0 + a1 + a2 + a3;
    }

    /** Carries level 1 into 2 and 2 into 3 as far as {@code done} allows (level 0 was already added into 1). */
    static void carry(float[] lv, long done, int lp) {
        int width = lv.length / (LEVELS - 1);
        for (int j = 2; j < LEVELS; j++) {
            if (stopCarry(done, j - 1, lp)) {
                return;
            }
            int dst = (j - 1) * width;
            int src = (j - 2) * width;
            for (int k = 0; k < width; k++) {
                lv[dst + k] += lv[src + k];
                lv[src + k] = 0;
            }
        }
    }

    /** PyTorch's scalar {@code row_sum}: any stride, 4 interleaved cascades. */
    static double sum(double[] x, int off, int stride, int n) {
        int groups = n / ILP;
        int lp = levelPower(groups);
        int step = 1 << lp;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double[] lv = groups >= step ? new double[(LEVELS - 1) * ILP] : null;
        int gs = ILP * stride;
        int i = 0;
        int p = off;
        while (groups - i >= step) {
            for (int j = 0; j < step; j++, i++, p += gs) {
                a0 += x[p];
                a1 += x[p + stride];
                a2 += x[p + 2 * stride];
                a3 += x[p + 3 * stride];
            }
            lv[0] += a0;
            lv[1] += a1;
            lv[2] += a2;
            lv[3] += a3;
            a0 = 0;
            a1 = 0;
            a2 = 0;
            a3 = 0;
            carry(lv, i, lp);
        }
        for (; i < groups; i++, p += gs) {
            a0 += x[p];
            a1 += x[p + stride];
            a2 += x[p + 2 * stride];
            a3 += x[p + 3 * stride];
        }
        if (lv != null) {
            a0 = a0 + lv[0] + lv[4] + lv[8];
            a1 = a1 + lv[1] + lv[5] + lv[9];
            a2 = a2 + lv[2] + lv[6] + lv[10];
            a3 = a3 + lv[3] + lv[7] + lv[11];
        }
        for (int t = groups * ILP; t < n; t++) {
            a0 += x[off + t * stride];
        }
        return a0 + a1 + a2 + a3;
    }

    static void carry(double[] lv, long done, int lp) {
        int width = lv.length / (LEVELS - 1);
        for (int j = 2; j < LEVELS; j++) {
            if (stopCarry(done, j - 1, lp)) {
                return;
            }
            int dst = (j - 1) * width;
            int src = (j - 2) * width;
            for (int k = 0; k < width; k++) {
                lv[dst + k] += lv[src + k];
                lv[src + k] = 0;
            }
        }
    }
}
