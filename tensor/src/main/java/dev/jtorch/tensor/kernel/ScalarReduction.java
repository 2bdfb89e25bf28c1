package dev.jtorch.tensor.kernel;

import java.util.Arrays;

/**
 * The scalar reference for {@link ReductionKernels}: plain loops over any strides. Float sums use
 * PyTorch's cascade ({@link CascadeSum}); column sums run the same cascade per column through
 * {@link #combineRow}, which the Vector API version overrides, so both give identical bits.
 */
public class ScalarReduction implements ReductionKernels {
    /** Columns are reduced in chunks of this many so the accumulator rows stay in the L1 cache. */
    static final int COLUMN_CHUNK = 2048;

    // ------------------------------------------------------------------ rows

    @Override
    public float reduce(ReduceOp op, float[] x, int off, int stride, int n) {
        if (op == ReduceOp.SUM) {
            return stride == 1 && n >= CascadeSum.FLOAT_LANES ? CascadeSum.innerSum(x, off, n, CascadeSum.FLOAT_LANES)
                    : CascadeSum.sum(x, off, stride, n);
        }
        float acc = (float) op.identity();
        for (int i = 0; i < n; i++) {
            acc = op.apply(acc, x[off + i * stride]);
        }
        return acc;
    }

    @Override
    public double reduce(ReduceOp op, double[] x, int off, int stride, int n) {
        if (op == ReduceOp.SUM) {
            return stride == 1 && n >= CascadeSum.DOUBLE_LANES ? CascadeSum.innerSum(x, off, n, CascadeSum.DOUBLE_LANES)
                    : CascadeSum.sum(x, off, stride, n);
        }
        double acc = op.identity();
        for (int i = 0; i < n; i++) {
            acc = op.apply(acc, x[off + i * stride]);
        }
        return acc;
    }

    @Override
    public long reduce(ReduceOp op, long[] x, int off, int stride, int n) {
        long acc = (long) op.identity(); // -inf and +inf become Long.MIN_VALUE and Long.MAX_VALUE
        for (int i = 0; i < n; i++) {
            acc = op.apply(acc, x[off + i * stride]);
        }
        return acc;
    }

    // ------------------------------------------------------------------ column blocks

    @Override
    public void reduceColumns(ReduceOp op, float[] x, int off, int rowStride, int rows, int cols, float[] out, int oo) {
        if (op == ReduceOp.SUM) {
            int cascaded = CascadeSum.cascadeColumns(cols, CascadeSum.FLOAT_LANES);
            sumColumns(x, off, rowStride, rows, cascaded, out, oo);
            for (int j = cascaded; j < cols; j++) {
                out[oo + j] = CascadeSum.sum(x, off + j, rowStride, rows);
            }
            return;
        }
        float id = (float) op.identity();
        for (int c = 0; c < cols; c += COLUMN_CHUNK) {
            int w = Math.min(COLUMN_CHUNK, cols - c);
            Arrays.fill(out, oo + c, oo + c + w, id);
            for (int i = 0; i < rows; i++) {
                combineRow(op, out, oo + c, x, off + i * rowStride + c, w);
            }
        }
    }

    @Override
    public void reduceColumns(ReduceOp op, double[] x, int off, int rowStride, int rows, int cols, double[] out, int oo) {
        if (op == ReduceOp.SUM) {
            int cascaded = CascadeSum.cascadeColumns(cols, CascadeSum.DOUBLE_LANES);
            sumColumns(x, off, rowStride, rows, cascaded, out, oo);
            for (int j = cascaded; j < cols; j++) {
                out[oo + j] = CascadeSum.sum(x, off + j, rowStride, rows);
            }
            return;
        }
        double id = op.identity();
        for (int c = 0; c < cols; c += COLUMN_CHUNK) {
            int w = Math.min(COLUMN_CHUNK, cols - c);
            Arrays.fill(out, oo + c, oo + c + w, id);
            for (int i = 0; i < rows; i++) {
                combineRow(op, out, oo + c, x, off + i * rowStride + c, w);
            }
        }
    }

    @Override
    public void reduceColumns(ReduceOp op, long[] x, int off, int rowStride, int rows, int cols, long[] out, int oo) {
        Arrays.fill(out, oo, oo + cols, (long) op.identity());
        for (int i = 0; i < rows; i++) {
            int xo = off + i * rowStride;
            for (int j = 0; j < cols; j++) {
                out[oo + j] = op.apply(out[oo + j], x[xo + j]);
            }
        }
    }

    /** {@code acc[ao + j] = op(acc[ao + j], x[xo + j])} for {@code j < n}: the step the SIMD version overrides. */
    protected void combineRow(ReduceOp op, float[] acc, int ao, float[] x, int xo, int n) {
        for (int j = 0; j < n; j++) {
            acc[ao + j] = op.apply(acc[ao + j], x[xo + j]);
        }
    }

    protected void combineRow(ReduceOp op, double[] acc, int ao, double[] x, int xo, int n) {
        for (int j = 0; j < n; j++) {
            acc[ao + j] = op.apply(acc[ao + j], x[xo + j]);
        }
    }

    /**
     * Per column, PyTorch's cascade over the rows (its {@code vectorized_outer_sum}, 4 vectors of
     * columns at a time); {@code out} is level 0, {@code lv} holds levels 1 to 3 of the current chunk.
     */
    private void sumColumns(float[] x, int off, int rowStride, int rows, int cols, float[] out, int oo) {
        int lp = CascadeSum.levelPower(rows);
        int step = 1 << lp;
        int width = Math.min(COLUMN_CHUNK, cols);
        float[] lv = rows >= step ? new float[(CascadeSum.LEVELS - 1) * width] : null;
        for (int c = 0; c < cols; c += width) {
            int w = Math.min(width, cols - c);
            int o = oo + c;
            Arrays.fill(out, o, o + w, 0f);
            if (lv != null) {
                Arrays.fill(lv, 0f);
            }
            int i = 0;
            while (rows - i >= step) {
                for (int j = 0; j < step; j++, i++) {
                    combineRow(ReduceOp.SUM, out, o, x, off + i * rowStride + c, w);
                }
                combineRow(ReduceOp.SUM, lv, 0, out, o, w);
                Arrays.fill(out, o, o + w, 0f);
                for (int j = 2; j < CascadeSum.LEVELS && !CascadeSum.stopCarry(i, j - 1, lp); j++) {
                    combineRow(ReduceOp.SUM, lv, (j - 1) * width, lv, (j - 2) * width, w);
                    Arrays.fill(lv, (j - 2) * width, (j - 2) * width + w, 0f);
                }
            }
            for (; i < rows; i++) {
                combineRow(ReduceOp.SUM, out, o, x, off + i * rowStride + c, w);
            }
            if (lv != null) {
                for (int j = 1; j < CascadeSum.LEVELS; j++) {
                    combineRow(ReduceOp.SUM, out, o, lv, (j - 1) * width, w);
                }
            }
        }
    }

    private void sumColumns(double[] x, int off, int rowStride, int rows, int cols, double[] out, int oo) {
        int lp = CascadeSum.levelPower(rows);
        int step = 1 << lp;
        int width = Math.min(COLUMN_CHUNK, cols);
        double[] lv = rows >= step ? new double[(CascadeSum.LEVELS - 1) * width] : null;
        for (int c = 0; c < cols; c += width) {
            int w = Math.min(width, cols - c);
            int o = oo + c;
            Arrays.fill(out, o, o + w, 0d);
            if (lv != null) {
                Arrays.fill(lv, 0d);
            }
            int i = 0;
            while (rows - i >= step) {
                for (int j = 0; j < step; j++, i++) {
                    combineRow(ReduceOp.SUM, out, o, x, off + i * rowStride + c, w);
                }
                combineRow(ReduceOp.SUM, lv, 0, out, o, w);
                Arrays.fill(out, o, o + w, 0d);
                for (int j = 2; j < CascadeSum.LEVELS && !CascadeSum.stopCarry(i, j - 1, lp); j++) {
                    combineRow(ReduceOp.SUM, lv, (j - 1) * width, lv, (j - 2) * width, w);
                    Arrays.fill(lv, (j - 2) * width, (j - 2) * width + w, 0d);
                }
            }
            for (; i < rows; i++) {
                combineRow(ReduceOp.SUM, out, o, x, off + i * rowStride + c, w);
            }
            if (lv != null) {
                for (int j = 1; j < CascadeSum.LEVELS; j++) {
                    combineRow(ReduceOp.SUM, out, o, lv, (j - 1) * width, w);
                }
            }
        }
    }

    // ------------------------------------------------------------------ arg max / arg min

    @Override
    public int argMax(float[] x, int off, int stride, int n) {
        int best = 0;
        float bv = x[off];
        for (int i = 1; i < n && bv == bv; i++) {
            float v = x[off + i * stride];
            if (v > bv || v != v) {
                bv = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int argMax(double[] x, int off, int stride, int n) {
        int best = 0;
        double bv = x[off];
        for (int i = 1; i < n && bv == bv; i++) {
            double v = x[off + i * stride];
            if (v > bv || v != v) {
                bv = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int argMax(long[] x, int off, int stride, int n) {
        int best = 0;
        long bv = x[off];
        for (int i = 1; i < n; i++) {
            long v = x[off + i * stride];
            if (v > bv) {
                bv = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int argMin(float[] x, int off, int stride, int n) {
        int best = 0;
        float bv = x[off];
        for (int i = 1; i < n && bv == bv; i++) {
            float v = x[off + i * stride];
            if (v < bv || v != v) {
                bv = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int argMin(double[] x, int off, int stride, int n) {
        int best = 0;
        double bv = x[off];
        for (int i = 1; i < n && bv == bv; i++) {
            double v = x[off + i * stride];
            if (v < bv || v != v) {
                bv = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int argMin(long[] x, int off, int stride, int n) {
        int best = 0;
        long bv = x[off];
        for (int i = 1; i < n; i++) {
            long v = x[off + i * stride];
            if (v < bv) {
                bv = v;
                best = i;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ moments

    @Override
    public double sumDeviations(float[] x, int off, int stride, int n, double c) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i * stride] - c;
        }
        return s;
    }

    @Override
    public double sumDeviations(double[] x, int off, int stride, int n, double c) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i * stride] - c;
        }
        return s;
    }

    @Override
    public double sumSquaredDeviations(float[] x, int off, int stride, int n, double mean) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[off + i * stride] - mean;
            s += d * d;
        }
        return s;
    }

    @Override
    public double sumSquaredDeviations(double[] x, int off, int stride, int n, double mean) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[off + i * stride] - mean;
            s += d * d;
        }
        return s;
    }

    // ------------------------------------------------------------------ fused softmax family

    @Override
    public float logSumExp(float[] x, int off, int stride, int n) {
        return SoftmaxRef.logSumExp(x, off, stride, n);
    }

    @Override
    public double logSumExp(double[] x, int off, int stride, int n) {
        return SoftmaxRef.logSumExp(x, off, stride, n);
    }

    @Override
    public void softmax(float[] x, int xo, float[] out, int oo, int n, boolean log) {
        SoftmaxRef.softmaxRow(x, xo, out, oo, n, log);
    }

    @Override
    public void softmax(double[] x, int xo, double[] out, int oo, int n, boolean log) {
        SoftmaxRef.softmaxRow(x, xo, out, oo, n, log);
    }

    @Override
    public void softmaxColumns(float[] x, int xo, float[] out, int oo, int rows, int cols, boolean log) {
        for (int j = 0; j < cols; j++) {
            SoftmaxRef.softmaxColumn(x, xo + j, out, oo + j, rows, cols, log);
        }
    }

    @Override
    public void softmaxColumns(double[] x, int xo, double[] out, int oo, int rows, int cols, boolean log) {
        for (int j = 0; j < cols; j++) {
            SoftmaxRef.softmaxColumn(x, xo + j, out, oo + j, rows, cols, log);
        }
    }
}
