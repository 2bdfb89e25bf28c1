package dev.jtorch.tensor.kernel;

/**
 * Reductions over one strided row (sum, max, ...), over the rows of a block with contiguous
 * columns (a reduced dim that is outer to a contiguous kept dim), and the fused row kernels built
 * on them (softmax, log-softmax, logsumexp). Scalar reference: {@link ScalarReduction}; SIMD:
 * {@code VectorReduction}, which takes the fast path for stride-1 rows and calls the reference
 * for anything else.
 *
 * <p>A "row" is {@code x[off + i*stride]} for {@code i < n}. A "column block" is
 * {@code x[off + i*rowStride + j]} for {@code i < rows}, {@code j < cols}, reduced over {@code i}.
 */
public interface ReductionKernels {
    /**
     * {@code op} over a row; the identity when {@code n == 0}. Float {@code SUM} accumulates in the
     * input precision with PyTorch's cascade ({@code SumKernel.cpp}), other ops sequentially.
     */
    float reduce(ReduceOp op, float[] x, int off, int stride, int n);

    double reduce(ReduceOp op, double[] x, int off, int stride, int n);

    /** int64 rows: SUM (wrapping), PROD (wrapping), MAX, MIN. */
    long reduce(ReduceOp op, long[] x, int off, int stride, int n);

    /**
     * {@code out[oo + j] = op over i < rows of x[off + i*rowStride + j]} for {@code j < cols}:
     * whole rows are combined into the accumulator row, so memory is read in order. {@code SUM}
     * uses the same cascade per column in every implementation, so results are bit-identical.
     */
    void reduceColumns(ReduceOp op, float[] x, int off, int rowStride, int rows, int cols, float[] out, int oo);

    void reduceColumns(ReduceOp op, double[] x, int off, int rowStride, int rows, int cols, double[] out, int oo);

    void reduceColumns(ReduceOp op, long[] x, int off, int rowStride, int rows, int cols, long[] out, int oo);

    /** Index of the first maximum of a non-empty row; a NaN counts as the maximum (first NaN wins). */
    int argMax(float[] x, int off, int stride, int n);

    int argMax(double[] x, int off, int stride, int n);

    int argMax(long[] x, int off, int stride, int n);

    /** Index of the first minimum of a non-empty row; a NaN counts as the minimum (first NaN wins). */
    int argMin(float[] x, int off, int stride, int n);

    int argMin(double[] x, int off, int stride, int n);

    int argMin(long[] x, int off, int stride, int n);

    /**
     * {@code sum(x - c)} in double: var/std take the mean as {@code c + sum(x - c) / n} with {@code c}
     * the row's first element, exact for a constant row (PyTorch's Welford update, in double, gives 0 there too).
     */
    double sumDeviations(float[] x, int off, int stride, int n, double c);

    double sumDeviations(double[] x, int off, int stride, int n, double c);

    /** {@code sum((x - mean)^2)} in double. */
    double sumSquaredDeviations(float[] x, int off, int stride, int n, double mean);

    double sumSquaredDeviations(double[] x, int off, int stride, int n, double mean);

    /**
     * {@code log(sum(exp(x)))} of a non-empty row, stably: with {@code m = max(x)} replaced by 0
     * when infinite (PyTorch's {@code logsumexp}), {@code log(sum(exp(x - m))) + m}.
     */
    float logSumExp(float[] x, int off, int stride, int n);

    double logSumExp(double[] x, int off, int stride, int n);

    /**
     * Softmax ({@code exp(x - max) * (1 / sum)}) or, when {@code log}, log-softmax
     * ({@code x - max - log(sum)}) of the contiguous row {@code x[xo, xo + n)} into {@code out[oo, oo + n)}.
     */
    void softmax(float[] x, int xo, float[] out, int oo, int n, boolean log);

    void softmax(double[] x, int xo, double[] out, int oo, int n, boolean log);

    /**
     * Softmax ({@code exp(x - max) / sum}) or log-softmax down the columns of the contiguous
     * {@code rows x cols} block at {@code x[xo]}, into the same layout at {@code out[oo]}: the
     * softmax dim is outer, with stride {@code cols}.
     */
    void softmaxColumns(float[] x, int xo, float[] out, int oo, int rows, int cols, boolean log);

    void softmaxColumns(double[] x, int xo, double[] out, int oo, int rows, int cols, boolean log);
}
