package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link ReductionKernels}: stride-1 rows of at least one vector run SIMD with four
 * independent accumulators and one {@code reduceLanes} at the end; strided and short rows use
 * the scalar reference. Sums are the exception: they use PyTorch's fixed 8-lane (4 for double)
 * cascade and add the lanes in order, so they are bit-identical to the reference and to libtorch. Column blocks reuse the reference's driver (chunking, cascade) and only
 * replace its row step, {@link #combineRow}. The softmax family lives in {@link VectorSoftmax}.
 *
 * <p>Each op has its own small loop or passes a {@code VectorOperators} constant to a small
 * static method, so C2 sees a constant operator (a non-constant one is not intrinsified).
 */
final class VectorReduction extends ScalarReduction {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** The sum kernels' fixed widths (PyTorch's AVX2 lanes, see {@link CascadeSum}); used when the hardware has them. */
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_256;
    private static final boolean WIDE_SUM = F.vectorBitSize() >= 256;
    /** Floats with as many lanes as {@link #D}, for float-to-double accumulation. */
    private static final VectorSpecies<Float> FD = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));

    static ReductionKernels create() {
        return new VectorReduction();
    }

    // ------------------------------------------------------------------ rows, float

    @Override
    public float reduce(ReduceOp op, float[] x, int off, int stride, int n) {
        if (op == ReduceOp.SUM && stride == 1 && n >= CascadeSum.FLOAT_LANES && WIDE_SUM) {
            return sum(x, off, n);
        }
        if (op == ReduceOp.SUM || stride != 1 || n < F.length()) {
            return super.reduce(op, x, off, stride, n);
        }
        switch (op) {
            case PROD: return fold(VectorOperators.MUL, op, x, off, n);
            case MAX: return fold(VectorOperators.MAX, op, x, off, n);
            case MIN: return fold(VectorOperators.MIN, op, x, off, n);
            case ABS_SUM: return foldAbs(VectorOperators.ADD, op, x, off, n);
            case ABS_MAX: return foldAbs(VectorOperators.MAX, op, x, off, n);
            case ABS_MIN: return foldAbs(VectorOperators.MIN, op, x, off, n);
            case SQUARE_SUM: return squareSum(x, off, n);
            default: return super.reduce(op, x, off, stride, n);
        }
    }

    /**
     * {@link CascadeSum#innerSum} with 8-lane vectors: 4 vector accumulators; rows long enough for a
     * carry take the cascade. Identical bits to the scalar reference and to libtorch.
     */
    static float sum(float[] x, int off, int n) {
        int vl = FS.length();
        int groups = n / vl / CascadeSum.ILP;
        int lp = CascadeSum.levelPower(groups);
        if (groups >= 1 << lp) {
            return cascadeSum(x, off, n, groups, lp);
        }
        FloatVector a0 = FloatVector.zero(FS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int p = off;
        for (int end = off + groups * 4 * vl; p < end; p += 4 * vl) {
            a0 = a0.add(FloatVector.fromArray(FS, x, p));
            a1 = a1.add(FloatVector.fromArray(FS, x, p + vl));
            a2 = a2.add(FloatVector.fromArray(FS, x, p + 2 * vl));
            a3 = a3.add(FloatVector.fromArray(FS, x, p + 3 * vl));
        }
        for (int end = off + FS.loopBound(n); p < end; p += vl) {
            a0 = a0.add(FloatVector.fromArray(FS, x, p));
        }
        FloatVector v = a0.add(a1).add(a2).add(a3);
        float r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        // PyTorch adds the lanes to the tail sum one by one (not a tree reduceLanes): same bits
        r += v.lane(0);
        r += v.lane(1);
        r += v.lane(2);
        r += v.lane(3);
        r += v.lane(4);
        r += v.lane(5);
        r += v.lane(6);
        r += v.lane(7);
        return r;
    }

    private static float cascadeSum(float[] x, int off, int n, int groups, int lp) {
        int vl = FS.length();
        int step = 1 << lp;
        int w = CascadeSum.ILP * vl;
        float[] lv = new float[(CascadeSum.LEVELS - 1) * w]; // level L, accumulator k at (L-1)*w + k*vl
        FloatVector zero = FloatVector.zero(FS);
        FloatVector a0 = zero;
        FloatVector a1 = zero;
        FloatVector a2 = zero;
        FloatVector a3 = zero;
        int p = off;
        int g = 0;
        while (groups - g >= step) {
            for (int j = 0; j < step; j++, p += w) {
                a0 = a0.add(FloatVector.fromArray(FS, x, p));
                a1 = a1.add(FloatVector.fromArray(FS, x, p + vl));
                a2 = a2.add(FloatVector.fromArray(FS, x, p + 2 * vl));
                a3 = a3.add(FloatVector.fromArray(FS, x, p + 3 * vl));
            }
            g += step;
            a0.add(FloatVector.fromArray(FS, lv, 0)).intoArray(lv, 0);
            a1.add(FloatVector.fromArray(FS, lv, vl)).intoArray(lv, vl);
            a2.add(FloatVector.fromArray(FS, lv, 2 * vl)).intoArray(lv, 2 * vl);
            a3.add(FloatVector.fromArray(FS, lv, 3 * vl)).intoArray(lv, 3 * vl);
            a0 = zero;
            a1 = zero;
            a2 = zero;
            a3 = zero;
            CascadeSum.carry(lv, g, lp);
        }
        for (; g < groups; g++, p += w) {
            a0 = a0.add(FloatVector.fromArray(FS, x, p));
            a1 = a1.add(FloatVector.fromArray(FS, x, p + vl));
            a2 = a2.add(FloatVector.fromArray(FS, x, p + 2 * vl));
            a3 = a3.add(FloatVector.fromArray(FS, x, p + 3 * vl));
        }
        a0 = a0.add(FloatVector.fromArray(FS, lv, 0)).add(FloatVector.fromArray(FS, lv, w)).add(FloatVector.fromArray(FS, lv, 2 * w));
        a1 = a1.add(FloatVector.fromArray(FS, lv, vl)).add(FloatVector.fromArray(FS, lv, w + vl))
                .add(FloatVector.fromArray(FS, lv, 2 * w + vl));
        a2 = a2.add(FloatVector.fromArray(FS, lv, 2 * vl)).add(FloatVector.fromArray(FS, lv, w + 2 * vl))
                .add(FloatVector.fromArray(FS, lv, 2 * w + 2 * vl));
        a3 = a3.add(FloatVector.fromArray(FS, lv, 3 * vl)).add(FloatVector.fromArray(FS, lv, w + 3 * vl))
                .add(FloatVector.fromArray(FS, lv, 2 * w + 3 * vl));
        for (int end = off + FS.loopBound(n); p < end; p += vl) {
            a0 = a0.add(FloatVector.fromArray(FS, x, p));
        }
        FloatVector v = a0.add(a1).add(a2).add(a3);
        float r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        // PyTorch adds the lanes to the tail sum one by one (not a tree reduceLanes): same bits
        r += v.lane(0);
        r += v.lane(1);
        r += v.lane(2);
        r += v.lane(3);
        r += v.lane(4);
        r += v.lane(5);
        r += v.lane(6);
        r += v.lane(7);
        return r;
    }

    private static float fold(VectorOperators.Associative vop, ReduceOp op, float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, (float) op.identity());
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            a0 = a0.lanewise(vop, FloatVector.fromArray(F, x, off + i));
            a1 = a1.lanewise(vop, FloatVector.fromArray(F, x, off + i + vl));
            a2 = a2.lanewise(vop, FloatVector.fromArray(F, x, off + i + 2 * vl));
            a3 = a3.lanewise(vop, FloatVector.fromArray(F, x, off + i + 3 * vl));
        }
        for (; i <= n - vl; i += vl) {
            a0 = a0.lanewise(vop, FloatVector.fromArray(F, x, off + i));
        }
        float r = a0.lanewise(vop, a1).lanewise(vop, a2).lanewise(vop, a3).reduceLanes(vop);
        for (; i < n; i++) {
            r = op.apply(r, x[off + i]);
        }
        return r;
    }

    private static float foldAbs(VectorOperators.Associative vop, ReduceOp op, float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, (float) op.identity());
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            a0 = a0.lanewise(vop, FloatVector.fromArray(F, x, off + i).abs());
            a1 = a1.lanewise(vop, FloatVector.fromArray(F, x, off + i + vl).abs());
            a2 = a2.lanewise(vop, FloatVector.fromArray(F, x, off + i + 2 * vl).abs());
            a3 = a3.lanewise(vop, FloatVector.fromArray(F, x, off + i + 3 * vl).abs());
        }
        for (; i <= n - vl; i += vl) {
            a0 = a0.lanewise(vop, FloatVector.fromArray(F, x, off + i).abs());
        }
        float r = a0.lanewise(vop, a1).lanewise(vop, a2).lanewise(vop, a3).reduceLanes(vop);
        for (; i < n; i++) {
            r = op.apply(r, x[off + i]);
        }
        return r;
    }

    private static float squareSum(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            FloatVector v0 = FloatVector.fromArray(F, x, off + i);
            FloatVector v1 = FloatVector.fromArray(F, x, off + i + vl);
            FloatVector v2 = FloatVector.fromArray(F, x, off + i + 2 * vl);
            FloatVector v3 = FloatVector.fromArray(F, x, off + i + 3 * vl);
            a0 = a0.add(v0.mul(v0));
            a1 = a1.add(v1.mul(v1));
            a2 = a2.add(v2.mul(v2));
            a3 = a3.add(v3.mul(v3));
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.add(v.mul(v));
        }
        float r = a0.add(a1).add(a2).add(a3).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            r += x[off + i] * x[off + i];
        }
        return r;
    }

    // ------------------------------------------------------------------ rows, double

    @Override
    public double reduce(ReduceOp op, double[] x, int off, int stride, int n) {
        if (op == ReduceOp.SUM && stride == 1 && n >= CascadeSum.DOUBLE_LANES && WIDE_SUM) {
            return sum(x, off, n);
        }
        if (op == ReduceOp.SUM || stride != 1 || n < D.length()) {
            return super.reduce(op, x, off, stride, n);
        }
        switch (op) {
            case PROD: return fold(VectorOperators.MUL, op, x, off, n);
            case MAX: return fold(VectorOperators.MAX, op, x, off, n);
            case MIN: return fold(VectorOperators.MIN, op, x, off, n);
            case ABS_SUM: return foldAbs(VectorOperators.ADD, op, x, off, n);
            case ABS_MAX: return foldAbs(VectorOperators.MAX, op, x, off, n);
            case ABS_MIN: return foldAbs(VectorOperators.MIN, op, x, off, n);
            case SQUARE_SUM: return squareSum(x, off, n);
            default: return super.reduce(op, x, off, stride, n);
        }
    }

    static double sum(double[] x, int off, int n) {
        int vl = DS.length();
        int groups = n / vl / CascadeSum.ILP;
        int lp = CascadeSum.levelPower(groups);
        if (groups >= 1 << lp) {
            return cascadeSum(x, off, n, groups, lp);
        }
        DoubleVector a0 = DoubleVector.zero(DS);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int p = off;
        for (int end = off + groups * 4 * vl; p < end; p += 4 * vl) {
            a0 = a0.add(DoubleVector.fromArray(DS, x, p));
            a1 = a1.add(DoubleVector.fromArray(DS, x, p + vl));
            a2 = a2.add(DoubleVector.fromArray(DS, x, p + 2 * vl));
            a3 = a3.add(DoubleVector.fromArray(DS, x, p + 3 * vl));
        }
        for (int end = off + DS.loopBound(n); p < end; p += vl) {
            a0 = a0.add(DoubleVector.fromArray(DS, x, p));
        }
        DoubleVector v = a0.add(a1).add(a2).add(a3);
        double r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        r += v.lane(0);
        r += v.lane(1);
        r += v.lane(2);
        r += v.lane(3);
        return r;
    }

    private static double cascadeSum(double[] x, int off, int n, int groups, int lp) {
        int vl = DS.length();
        int step = 1 << lp;
        int w = CascadeSum.ILP * vl;
        double[] lv = new double[(CascadeSum.LEVELS - 1) * w];
        DoubleVector zero = DoubleVector.zero(DS);
        DoubleVector a0 = zero;
        DoubleVector a1 = zero;
        DoubleVector a2 = zero;
        DoubleVector a3 = zero;
        int p = off;
        int g = 0;
        while (groups - g >= step) {
            for (int j = 0; j < step; j++, p += w) {
                a0 = a0.add(DoubleVector.fromArray(DS, x, p));
                a1 = a1.add(DoubleVector.fromArray(DS, x, p + vl));
                a2 = a2.add(DoubleVector.fromArray(DS, x, p + 2 * vl));
                a3 = a3.add(DoubleVector.fromArray(DS, x, p + 3 * vl));
            }
            g += step;
            a0.add(DoubleVector.fromArray(DS, lv, 0)).intoArray(lv, 0);
            a1.add(DoubleVector.fromArray(DS, lv, vl)).intoArray(lv, vl);
            a2.add(DoubleVector.fromArray(DS, lv, 2 * vl)).intoArray(lv, 2 * vl);
            a3.add(DoubleVector.fromArray(DS, lv, 3 * vl)).intoArray(lv, 3 * vl);
            a0 = zero;
            a1 = zero;
            a2 = zero;
            a3 = zero;
            CascadeSum.carry(lv, g, lp);
        }
        for (; g < groups; g++, p += w) {
            a0 = a0.add(DoubleVector.fromArray(DS, x, p));
            a1 = a1.add(DoubleVector.fromArray(DS, x, p + vl));
            a2 = a2.add(DoubleVector.fromArray(DS, x, p + 2 * vl));
            a3 = a3.add(DoubleVector.fromArray(DS, x, p + 3 * vl));
        }
        a0 = a0.add(DoubleVector.fromArray(DS, lv, 0)).add(DoubleVector.fromArray(DS, lv, w))
                .add(DoubleVector.fromArray(DS, lv, 2 * w));
        a1 = a1.add(DoubleVector.fromArray(DS, lv, vl)).add(DoubleVector.fromArray(DS, lv, w + vl))
                .add(DoubleVector.fromArray(DS, lv, 2 * w + vl));
        a2 = a2.add(DoubleVector.fromArray(DS, lv, 2 * vl)).add(DoubleVector.fromArray(DS, lv, w + 2 * vl))
                .add(DoubleVector.fromArray(DS, lv, 2 * w + 2 * vl));
        a3 = a3.add(DoubleVector.fromArray(DS, lv, 3 * vl)).add(DoubleVector.fromArray(DS, lv, w + 3 * vl))
                .add(DoubleVector.fromArray(DS, lv, 2 * w + 3 * vl));
        for (int end = off + DS.loopBound(n); p < end; p += vl) {
            a0 = a0.add(DoubleVector.fromArray(DS, x, p));
        }
        DoubleVector v = a0.add(a1).add(a2).add(a3);
        double r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        r += v.lane(0);
        r += v.lane(1);
        r += v.lane(2);
        r += v.lane(3);
        return r;
    }

    private static double fold(VectorOperators.Associative vop, ReduceOp op, double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, op.identity());
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            a0 = a0.lanewise(vop, DoubleVector.fromArray(D, x, off + i));
            a1 = a1.lanewise(vop, DoubleVector.fromArray(D, x, off + i + vl));
            a2 = a2.lanewise(vop, DoubleVector.fromArray(D, x, off + i + 2 * vl));
            a3 = a3.lanewise(vop, DoubleVector.fromArray(D, x, off + i + 3 * vl));
        }
        for (; i <= n - vl; i += vl) {
            a0 = a0.lanewise(vop, DoubleVector.fromArray(D, x, off + i));
        }
        double r = a0.lanewise(vop, a1).lanewise(vop, a2).lanewise(vop, a3).reduceLanes(vop);
        for (; i < n; i++) {
            r = op.apply(r, x[off + i]);
        }
        return r;
    }

    private static double foldAbs(VectorOperators.Associative vop, ReduceOp op, double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, op.identity());
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            a0 = a0.lanewise(vop, DoubleVector.fromArray(D, x, off + i).abs());
            a1 = a1.lanewise(vop, DoubleVector.fromArray(D, x, off + i + vl).abs());
            a2 = a2.lanewise(vop, DoubleVector.fromArray(D, x, off + i + 2 * vl).abs());
            a3 = a3.lanewise(vop, DoubleVector.fromArray(D, x, off + i + 3 * vl).abs());
        }
        for (; i <= n - vl; i += vl) {
            a0 = a0.lanewise(vop, DoubleVector.fromArray(D, x, off + i).abs());
        }
        double r = a0.lanewise(vop, a1).lanewise(vop, a2).lanewise(vop, a3).reduceLanes(vop);
        for (; i < n; i++) {
            r = op.apply(r, x[off + i]);
        }
        return r;
    }

    private static double squareSum(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + i + vl);
            DoubleVector v2 = DoubleVector.fromArray(D, x, off + i + 2 * vl);
            DoubleVector v3 = DoubleVector.fromArray(D, x, off + i + 3 * vl);
            a0 = a0.add(v0.mul(v0));
            a1 = a1.add(v1.mul(v1));
            a2 = a2.add(v2.mul(v2));
            a3 = a3.add(v3.mul(v3));
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector v = DoubleVector.fromArray(D, x, off + i);
            a0 = a0.add(v.mul(v));
        }
        double r = a0.add(a1).add(a2).add(a3).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            r += x[off + i] * x[off + i];
        }
        return r;
    }

    // ------------------------------------------------------------------ column blocks: the row step

    @Override
    protected void combineRow(ReduceOp op, float[] acc, int ao, float[] x, int xo, int n) {
        int i;
        switch (op) {
            case SUM: i = combine(VectorOperators.ADD, acc, ao, x, xo, n); break;
            case PROD: i = combine(VectorOperators.MUL, acc, ao, x, xo, n); break;
            case MAX: i = combine(VectorOperators.MAX, acc, ao, x, xo, n); break;
            case MIN: i = combine(VectorOperators.MIN, acc, ao, x, xo, n); break;
            case ABS_SUM: i = combineAbs(VectorOperators.ADD, acc, ao, x, xo, n); break;
            case ABS_MAX: i = combineAbs(VectorOperators.MAX, acc, ao, x, xo, n); break;
            case ABS_MIN: i = combineAbs(VectorOperators.MIN, acc, ao, x, xo, n); break;
            case SQUARE_SUM: i = combineSquare(acc, ao, x, xo, n); break;
            default: i = 0;
        }
        super.combineRow(op, acc, ao + i, x, xo + i, n - i);
    }

    private static int combine(VectorOperators.Binary vop, float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, acc, ao + i).lanewise(vop, FloatVector.fromArray(F, x, xo + i)).intoArray(acc, ao + i);
        }
        return i;
    }

    private static int combineAbs(VectorOperators.Binary vop, float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, acc, ao + i).lanewise(vop, FloatVector.fromArray(F, x, xo + i).abs())
                    .intoArray(acc, ao + i);
        }
        return i;
    }

    private static int combineSquare(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).add(v.mul(v)).intoArray(acc, ao + i);
        }
        return i;
    }

    @Override
    protected void combineRow(ReduceOp op, double[] acc, int ao, double[] x, int xo, int n) {
        int i;
        switch (op) {
            case SUM: i = combine(VectorOperators.ADD, acc, ao, x, xo, n); break;
            case PROD: i = combine(VectorOperators.MUL, acc, ao, x, xo, n); break;
            case MAX: i = combine(VectorOperators.MAX, acc, ao, x, xo, n); break;
            case MIN: i = combine(VectorOperators.MIN, acc, ao, x, xo, n); break;
            case ABS_SUM: i = combineAbs(VectorOperators.ADD, acc, ao, x, xo, n); break;
            case ABS_MAX: i = combineAbs(VectorOperators.MAX, acc, ao, x, xo, n); break;
            case ABS_MIN: i = combineAbs(VectorOperators.MIN, acc, ao, x, xo, n); break;
            case SQUARE_SUM: i = combineSquare(acc, ao, x, xo, n); break;
            default: i = 0;
        }
        super.combineRow(op, acc, ao + i, x, xo + i, n - i);
    }

    private static int combine(VectorOperators.Binary vop, double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, acc, ao + i).lanewise(vop, DoubleVector.fromArray(D, x, xo + i)).intoArray(acc, ao + i);
        }
        return i;
    }

    private static int combineAbs(VectorOperators.Binary vop, double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, acc, ao + i).lanewise(vop, DoubleVector.fromArray(D, x, xo + i).abs())
                    .intoArray(acc, ao + i);
        }
        return i;
    }

    private static int combineSquare(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).add(v.mul(v)).intoArray(acc, ao + i);
        }
        return i;
    }

    // ------------------------------------------------------------------ arg max / arg min

    @Override
    public int argMax(float[] x, int off, int stride, int n) {
        if (stride != 1 || n < F.length()) {
            return super.argMax(x, off, stride, n);
        }
        return firstIndexOf(x, off, n, fold(VectorOperators.MAX, ReduceOp.MAX, x, off, n));
    }

    @Override
    public int argMin(float[] x, int off, int stride, int n) {
        if (stride != 1 || n < F.length()) {
            return super.argMin(x, off, stride, n);
        }
        return firstIndexOf(x, off, n, fold(VectorOperators.MIN, ReduceOp.MIN, x, off, n));
    }

    /** The first index holding {@code v} (a NaN {@code v} matches the first NaN). */
    private static int firstIndexOf(float[] x, int off, int n, float v) {
        boolean nan = v != v;
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector e = FloatVector.fromArray(F, x, off + i);
            VectorMask<Float> hit = nan ? e.test(VectorOperators.IS_NAN) : e.compare(VectorOperators.EQ, v);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            float e = x[off + i];
            if (e == v || (nan && e != e)) {
                return i;
            }
        }
        throw new AssertionError("the extremum " + v + " is not in the row");
    }

    @Override
    public int argMax(double[] x, int off, int stride, int n) {
        if (stride != 1 || n < D.length()) {
            return super.argMax(x, off, stride, n);
        }
        return firstIndexOf(x, off, n, fold(VectorOperators.MAX, ReduceOp.MAX, x, off, n));
    }

    @Override
    public int argMin(double[] x, int off, int stride, int n) {
        if (stride != 1 || n < D.length()) {
            return super.argMin(x, off, stride, n);
        }
        return firstIndexOf(x, off, n, fold(VectorOperators.MIN, ReduceOp.MIN, x, off, n));
    }

    private static int firstIndexOf(double[] x, int off, int n, double v) {
        boolean nan = v != v;
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector e = DoubleVector.fromArray(D, x, off + i);
            VectorMask<Double> hit = nan ? e.test(VectorOperators.IS_NAN) : e.compare(VectorOperators.EQ, v);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            double e = x[off + i];
            if (e == v || (nan && e != e)) {
                return i;
            }
        }
        throw new AssertionError("the extremum " + v + " is not in the row");
    }

    // ------------------------------------------------------------------ moments (double accumulation)

    @Override
    public double sumAsDouble(float[] x, int off, int stride, int n) {
        int vl = D.length();
        if (stride != 1 || n < vl) {
            return super.sumAsDouble(x, off, stride, n);
        }
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        int i = 0;
        for (; i <= n - 2 * vl; i += 2 * vl) {
            a0 = a0.add(widen(x, off + i));
            a1 = a1.add(widen(x, off + i + vl));
        }
        for (; i <= n - vl; i += vl) {
            a0 = a0.add(widen(x, off + i));
        }
        double r = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            r += x[off + i];
        }
        return r;
    }

    @Override
    public double sumSquaredDeviations(float[] x, int off, int stride, int n, double mean) {
        int vl = D.length();
        if (stride != 1 || n < vl) {
            return super.sumSquaredDeviations(x, off, stride, n, mean);
        }
        DoubleVector m = DoubleVector.broadcast(D, mean);
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        int i = 0;
        for (; i <= n - 2 * vl; i += 2 * vl) {
            DoubleVector d0 = widen(x, off + i).sub(m);
            DoubleVector d1 = widen(x, off + i + vl).sub(m);
            a0 = a0.add(d0.mul(d0));
            a1 = a1.add(d1.mul(d1));
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector d = widen(x, off + i).sub(m);
            a0 = a0.add(d.mul(d));
        }
        double r = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double d = x[off + i] - mean;
            r += d * d;
        }
        return r;
    }

    private static DoubleVector widen(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(FD, x, i).convertShape(VectorOperators.F2D, D, 0);
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
        for (; i <= n - vl; i += vl) {
            DoubleVector d = DoubleVector.fromArray(D, x, off + i).sub(m);
            a0 = a0.add(d.mul(d));
        }
        double r = a0.add(a1).add(a2).add(a3).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double d = x[off + i] - mean;
            r += d * d;
        }
        return r;
    }

    // ------------------------------------------------------------------ softmax family (VectorSoftmax)

    @Override
    public float logSumExp(float[] x, int off, int stride, int n) {
        if (stride != 1 || n < F.length()) {
            return super.logSumExp(x, off, stride, n);
        }
        return VectorSoftmax.logSumExp(x, off, n, fold(VectorOperators.MAX, ReduceOp.MAX, x, off, n));
    }

    @Override
    public double logSumExp(double[] x, int off, int stride, int n) {
        if (stride != 1 || n < D.length()) {
            return super.logSumExp(x, off, stride, n);
        }
        return VectorSoftmax.logSumExp(x, off, n, fold(VectorOperators.MAX, ReduceOp.MAX, x, off, n));
    }

    @Override
    public void softmax(float[] x, int xo, float[] out, int oo, int n, boolean log) {
        if (n < F.length()) {
            super.softmax(x, xo, out, oo, n, log);
            return;
        }
        VectorSoftmax.finishRow(x, xo, out, oo, n, fold(VectorOperators.MAX, ReduceOp.MAX, x, xo, n), log);
    }

    @Override
    public void softmax(double[] x, int xo, double[] out, int oo, int n, boolean log) {
        if (n < D.length()) {
            super.softmax(x, xo, out, oo, n, log);
            return;
        }
        VectorSoftmax.finishRow(x, xo, out, oo, n, fold(VectorOperators.MAX, ReduceOp.MAX, x, xo, n), log);
    }

    @Override
    public void softmaxColumns(float[] x, int xo, float[] out, int oo, int rows, int cols, boolean log) {
        int bound = F.loopBound(cols);
        VectorSoftmax.columns(x, xo, out, oo, rows, cols, bound, log);
        for (int j = bound; j < cols; j++) {
            SoftmaxRef.softmaxColumn(x, xo + j, out, oo + j, rows, cols, log);
        }
    }

    @Override
    public void softmaxColumns(double[] x, int xo, double[] out, int oo, int rows, int cols, boolean log) {
        int bound = D.loopBound(cols);
        VectorSoftmax.columns(x, xo, out, oo, rows, cols, bound, log);
        for (int j = bound; j < cols; j++) {
            SoftmaxRef.softmaxColumn(x, xo + j, out, oo + j, rows, cols, log);
        }
    }
}
