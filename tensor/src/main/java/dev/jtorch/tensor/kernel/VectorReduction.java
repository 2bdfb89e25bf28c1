package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link ReductionKernels}: stride-1 rows of at least one vector run SIMD
 * ({@link VectorRows}: four independent accumulators, one {@code reduceLanes} after the loop);
 * strided and short rows use the scalar reference. Sums are the exception: {@link VectorSum}
 * follows PyTorch's fixed 8-lane cascade and adds the lanes in order, so sums are bit-identical to
 * the reference and to libtorch. Column blocks reuse the reference's driver (chunking, cascade) and
 * only replace its row step ({@link #combineRow}, {@link VectorColumns}). The softmax family is in
 * {@link VectorSoftmax}.
 */
final class VectorReduction extends ScalarReduction {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Shortest float row the widening moment loops take: their last load reads {@code F.length()} floats from {@code 3 * D.length()}. */
    private static final int WIDEN_MIN = 3 * D.length() + F.length();
    /** Whether the hardware has vectors {@link VectorSum} can run PyTorch's sum order on (otherwise the reference computes it). */
    private static final boolean WIDE_SUM = VectorSum.supported();

    static ReductionKernels create() {
        return new VectorReduction();
    }

    // ------------------------------------------------------------------ rows

    @Override
    public float reduce(ReduceOp op, float[] x, int off, int stride, int n) {
        if (op == ReduceOp.SUM && stride == 1 && n >= CascadeSum.FLOAT_LANES && WIDE_SUM) {
            return VectorSum.sum(x, off, n);
        }
        if (op == ReduceOp.SUM || stride != 1 || n < F.length()) {
            return super.reduce(op, x, off, stride, n);
        }
        switch (op) {
            case PROD: return VectorRows.prod(x, off, n);
            case MAX: return VectorRows.max(x, off, n);
            case MIN: return VectorRows.min(x, off, n);
            case ABS_SUM: return VectorRows.absSum(x, off, n);
            case ABS_MAX: return VectorRows.absMax(x, off, n);
            case ABS_MIN: return VectorRows.absMin(x, off, n);
            case SQUARE_SUM: return VectorRows.squareSum(x, off, n);
            default: return super.reduce(op, x, off, stride, n);
        }
    }

    @Override
    public double reduce(ReduceOp op, double[] x, int off, int stride, int n) {
        if (op == ReduceOp.SUM && stride == 1 && n >= CascadeSum.DOUBLE_LANES && WIDE_SUM) {
            return VectorSum.sum(x, off, n);
        }
        if (op == ReduceOp.SUM || stride != 1 || n < D.length()) {
            return super.reduce(op, x, off, stride, n);
        }
        switch (op) {
            case PROD: return VectorRows.prod(x, off, n);
            case MAX: return VectorRows.max(x, off, n);
            case MIN: return VectorRows.min(x, off, n);
            case ABS_SUM: return VectorRows.absSum(x, off, n);
            case ABS_MAX: return VectorRows.absMax(x, off, n);
            case ABS_MIN: return VectorRows.absMin(x, off, n);
            case SQUARE_SUM: return VectorRows.squareSum(x, off, n);
            default: return super.reduce(op, x, off, stride, n);
        }
    }

    // ------------------------------------------------------------------ column blocks: the row step

    @Override
    protected void combineRow(ReduceOp op, float[] acc, int ao, float[] x, int xo, int n) {
        int i;
        switch (op) {
            case SUM: i = VectorColumns.add(acc, ao, x, xo, n); break;
            case PROD: i = VectorColumns.mul(acc, ao, x, xo, n); break;
            case MAX: i = VectorColumns.max(acc, ao, x, xo, n); break;
            case MIN: i = VectorColumns.min(acc, ao, x, xo, n); break;
            case ABS_SUM: i = VectorColumns.addAbs(acc, ao, x, xo, n); break;
            case ABS_MAX: i = VectorColumns.maxAbs(acc, ao, x, xo, n); break;
            case ABS_MIN: i = VectorColumns.minAbs(acc, ao, x, xo, n); break;
            case SQUARE_SUM: i = VectorColumns.addSquare(acc, ao, x, xo, n); break;
            default: i = 0;
        }
        super.combineRow(op, acc, ao + i, x, xo + i, n - i);
    }

    @Override
    protected void combineRow(ReduceOp op, double[] acc, int ao, double[] x, int xo, int n) {
        int i;
        switch (op) {
            case SUM: i = VectorColumns.add(acc, ao, x, xo, n); break;
            case PROD: i = VectorColumns.mul(acc, ao, x, xo, n); break;
            case MAX: i = VectorColumns.max(acc, ao, x, xo, n); break;
            case MIN: i = VectorColumns.min(acc, ao, x, xo, n); break;
            case ABS_SUM: i = VectorColumns.addAbs(acc, ao, x, xo, n); break;
            case ABS_MAX: i = VectorColumns.maxAbs(acc, ao, x, xo, n); break;
            case ABS_MIN: i = VectorColumns.minAbs(acc, ao, x, xo, n); break;
            case SQUARE_SUM: i = VectorColumns.addSquare(acc, ao, x, xo, n); break;
            default: i = 0;
        }
        super.combineRow(op, acc, ao + i, x, xo + i, n - i);
    }

    // ------------------------------------------------------------------ arg max / arg min

    @Override
    public int argMax(float[] x, int off, int stride, int n) {
        if (stride != 1 || n < F.length()) {
            return super.argMax(x, off, stride, n);
        }
        float m = VectorRows.max(x, off, n);
        return m != m ? firstNaN(x, off, n) : firstIndexOf(x, off, n, m);
    }

    @Override
    public int argMin(float[] x, int off, int stride, int n) {
        if (stride != 1 || n < F.length()) {
            return super.argMin(x, off, stride, n);
        }
        float m = VectorRows.min(x, off, n);
        return m != m ? firstNaN(x, off, n) : firstIndexOf(x, off, n, m);
    }

    /** The first index holding {@code v} (the extremum: ±0 compare equal, as PyTorch's comparisons do). */
    private static int firstIndexOf(float[] x, int off, int n, float v) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            VectorMask<Float> hit = FloatVector.fromArray(F, x, off + i).eq(v);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (x[off + i] == v) {
                return i;
            }
        }
        throw new AssertionError("the extremum " + v + " is not in the row");
    }

    private static int firstNaN(float[] x, int off, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            VectorMask<Float> hit = FloatVector.fromArray(F, x, off + i).test(VectorOperators.IS_NAN);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (x[off + i] != x[off + i]) {
                return i;
            }
        }
        throw new AssertionError("no NaN in the row");
    }

    @Override
    public int argMax(double[] x, int off, int stride, int n) {
        if (stride != 1 || n < D.length()) {
            return super.argMax(x, off, stride, n);
        }
        double m = VectorRows.max(x, off, n);
        return m != m ? firstNaN(x, off, n) : firstIndexOf(x, off, n, m);
    }

    @Override
    public int argMin(double[] x, int off, int stride, int n) {
        if (stride != 1 || n < D.length()) {
            return super.argMin(x, off, stride, n);
        }
        double m = VectorRows.min(x, off, n);
        return m != m ? firstNaN(x, off, n) : firstIndexOf(x, off, n, m);
    }

    private static int firstIndexOf(double[] x, int off, int n, double v) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            VectorMask<Double> hit = DoubleVector.fromArray(D, x, off + i).eq(v);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (x[off + i] == v) {
                return i;
            }
        }
        throw new AssertionError("the extremum " + v + " is not in the row");
    }

    private static int firstNaN(double[] x, int off, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            VectorMask<Double> hit = DoubleVector.fromArray(D, x, off + i).test(VectorOperators.IS_NAN);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (x[off + i] != x[off + i]) {
                return i;
            }
        }
        throw new AssertionError("no NaN in the row");
    }

    // ------------------------------------------------------------------ moments (double accumulation)

    @Override
    public double sumDeviations(float[] x, int off, int stride, int n, double c) {
        int vl = D.length();
        if (stride != 1 || n < WIDEN_MIN) {
            return super.sumDeviations(x, off, stride, n, c);
        }
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 3 * vl - F.length(); i += 4 * vl) {
            a0 = a0.add(widen(x, off + i).sub(cv));
            a1 = a1.add(widen(x, off + i + vl).sub(cv));
            a2 = a2.add(widen(x, off + i + 2 * vl).sub(cv));
            a3 = a3.add(widen(x, off + i + 3 * vl).sub(cv));
        }
        return super.sumDeviations(x, off + i, 1, n - i, c) + Lanes.sum(a0.add(a1).add(a2).add(a3));
    }

    @Override
    public double sumDeviations(double[] x, int off, int stride, int n, double c) {
        int vl = D.length();
        if (stride != 1 || n < vl) {
            return super.sumDeviations(x, off, stride, n, c);
        }
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            a0 = a0.add(DoubleVector.fromArray(D, x, off + i).sub(cv));
            a1 = a1.add(DoubleVector.fromArray(D, x, off + i + vl).sub(cv));
            a2 = a2.add(DoubleVector.fromArray(D, x, off + i + 2 * vl).sub(cv));
            a3 = a3.add(DoubleVector.fromArray(D, x, off + i + 3 * vl).sub(cv));
        }
        return super.sumDeviations(x, off + i, 1, n - i, c) + Lanes.sum(a0.add(a1).add(a2).add(a3));
    }

    @Override
    public double sumSquaredDeviations(float[] x, int off, int stride, int n, double mean) {
        int vl = D.length();
        if (stride != 1 || n < WIDEN_MIN) {
            return super.sumSquaredDeviations(x, off, stride, n, mean);
        }
        DoubleVector m = DoubleVector.broadcast(D, mean);
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 3 * vl - F.length(); i += 4 * vl) {
            DoubleVector d0 = widen(x, off + i).sub(m);
            DoubleVector d1 = widen(x, off + i + vl).sub(m);
            DoubleVector d2 = widen(x, off + i + 2 * vl).sub(m);
            DoubleVector d3 = widen(x, off + i + 3 * vl).sub(m);
            a0 = a0.add(d0.mul(d0));
            a1 = a1.add(d1.mul(d1));
            a2 = a2.add(d2.mul(d2));
            a3 = a3.add(d3.mul(d3));
        }
        return super.sumSquaredDeviations(x, off + i, 1, n - i, mean) + Lanes.sum(a0.add(a1).add(a2).add(a3));
    }

    /**
     * The {@code D.length()} floats at {@code i} as doubles: the low part of a preferred-species float
     * vector (whose upper lanes the next call loads again). Not a half-width float species: on JDK 17,
     * a second float shape pollutes the Vector API's type profiles and un-intrinsifies every float kernel.
     */
    private static DoubleVector widen(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(F, x, i).convertShape(VectorOperators.F2D, D, 0);
    }

    @Override
    public double sumSquaredDeviations(double[] x, int off, int stride, int n, double mean) {
        int vl = D.length();
        if (stride != 1 || n < vl) {
            return super.sumSquaredDeviations(x, off, stride, n, mean);
        }
        DoubleVector m = DoubleVector.broadcast(D, mean);
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector d0 = DoubleVector.fromArray(D, x, off + i).sub(m);
            DoubleVector d1 = DoubleVector.fromArray(D, x, off + i + vl).sub(m);
            DoubleVector d2 = DoubleVector.fromArray(D, x, off + i + 2 * vl).sub(m);
            DoubleVector d3 = DoubleVector.fromArray(D, x, off + i + 3 * vl).sub(m);
            a0 = a0.add(d0.mul(d0));
            a1 = a1.add(d1.mul(d1));
            a2 = a2.add(d2.mul(d2));
            a3 = a3.add(d3.mul(d3));
        }
        return super.sumSquaredDeviations(x, off + i, 1, n - i, mean) + Lanes.sum(a0.add(a1).add(a2).add(a3));
    }

    // ------------------------------------------------------------------ softmax family (VectorSoftmax)

    @Override
    public float logSumExp(float[] x, int off, int stride, int n) {
        if (stride != 1 || n < F.length()) {
            return super.logSumExp(x, off, stride, n);
        }
        return VectorSoftmax.logSumExp(x, off, n, VectorRows.max(x, off, n));
    }

    @Override
    public double logSumExp(double[] x, int off, int stride, int n) {
        if (stride != 1 || n < D.length()) {
            return super.logSumExp(x, off, stride, n);
        }
        return VectorSoftmax.logSumExp(x, off, n, VectorRows.max(x, off, n));
    }

    @Override
    public void softmax(float[] x, int xo, float[] out, int oo, int n, boolean log) {
        if (n < F.length()) {
            super.softmax(x, xo, out, oo, n, log);
        } else if (log) {
            VectorSoftmax.logSoftmaxRow(x, xo, out, oo, n, VectorRows.max(x, xo, n));
        } else {
            VectorSoftmax.softmaxRow(x, xo, out, oo, n, VectorSoftmax.softmaxMax(x, xo, n));
        }
    }

    @Override
    public void softmax(double[] x, int xo, double[] out, int oo, int n, boolean log) {
        if (n < D.length()) {
            super.softmax(x, xo, out, oo, n, log);
        } else if (log) {
            VectorSoftmax.logSoftmaxRow(x, xo, out, oo, n, VectorRows.max(x, xo, n));
        } else {
            VectorSoftmax.softmaxRow(x, xo, out, oo, n, VectorRows.max(x, xo, n));
        }
    }

    @Override
    public void softmaxColumns(float[] x, int xo, float[] out, int oo, int rows, int cols, boolean log) {
        int bound = F.loopBound(cols);
        for (int j = 0; j < bound; j += F.length()) {
            if (log) {
                VectorSoftmax.logSoftmaxBlock(x, xo + j, out, oo + j, rows, cols);
            } else {
                VectorSoftmax.softmaxBlock(x, xo + j, out, oo + j, rows, cols);
            }
        }
        for (int j = bound; j < cols; j++) {
            SoftmaxRef.softmaxColumn(x, xo + j, out, oo + j, rows, cols, log);
        }
    }

    @Override
    public void softmaxColumns(double[] x, int xo, double[] out, int oo, int rows, int cols, boolean log) {
        int bound = D.loopBound(cols);
        for (int j = 0; j < bound; j += D.length()) {
            if (log) {
                VectorSoftmax.logSoftmaxBlock(x, xo + j, out, oo + j, rows, cols);
            } else {
                VectorSoftmax.softmaxBlock(x, xo + j, out, oo + j, rows, cols);
            }
        }
        for (int j = bound; j < cols; j++) {
            SoftmaxRef.softmaxColumn(x, xo + j, out, oo + j, rows, cols, log);
        }
    }
}
