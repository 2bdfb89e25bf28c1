package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CascadeSum#innerSum} with SIMD: PyTorch's {@code vectorized_inner_sum} on 8-lane float
 * (4-lane double) vectors, 4 vector accumulators, the cascade's carries through small level
 * buffers, then the scalar tail and the lanes added one by one in PyTorch's order (not a tree
 * {@code reduceLanes}). The result is bit-identical to the scalar reference and to libtorch.
 * Callers check that the hardware has 256-bit vectors ({@link VectorReduction}).
 */
final class VectorSum {
    private VectorSum() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_256;

    /** The sum of a contiguous row of at least 8 floats; rows long enough for a carry take the cascade. */
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
        for (int l = 0; l < vl; l++) {
            r += v.lane(l);
        }
        return r;
    }

    /**
     * The cascade: each round adds {@code 2^lp} groups of 4 vectors into level 1 ({@link #addGroups}),
     * then {@link CascadeSum#carry} moves levels up; the last partial round goes into level 0 and
     * {@link CascadeSum#finishInner} ends in scalar code on the {@code 4 x lanes} buffers, in PyTorch's order.
     */
    private static float cascadeSum(float[] x, int off, int n, int groups, int lp) {
        int vl = FS.length();
        int step = 1 << lp;
        int w = CascadeSum.ILP * vl;
        float[] lv = new float[(CascadeSum.LEVELS - 1) * w]; // level L, accumulator k, lane l at (L-1)*w + k*vl + l
        int p = off;
        int g = 0;
        for (; groups - g >= step; g += step, p += step * w) {
            addGroups(x, p, step, lv);
            CascadeSum.carry(lv, g + step, lp);
        }
        float[] a = new float[w]; // level 0
        addGroups(x, p, groups - g, a);
        return CascadeSum.finishInner(x, off, n, p + (groups - g) * w, vl, a, lv);
    }

    /** {@code dst[k*vl + l] += sum over the groups of x[p + (g*4 + k)*vl + l]}: 4 vector accumulators from zero. */
    private static void addGroups(float[] x, int p, int count, float[] dst) {
        int vl = FS.length();
        FloatVector a0 = FloatVector.zero(FS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int j = 0; j < count; j++, p += 4 * vl) {
            a0 = a0.add(FloatVector.fromArray(FS, x, p));
            a1 = a1.add(FloatVector.fromArray(FS, x, p + vl));
            a2 = a2.add(FloatVector.fromArray(FS, x, p + 2 * vl));
            a3 = a3.add(FloatVector.fromArray(FS, x, p + 3 * vl));
        }
        FloatVector.fromArray(FS, dst, 0).add(a0).intoArray(dst, 0);
        FloatVector.fromArray(FS, dst, vl).add(a1).intoArray(dst, vl);
        FloatVector.fromArray(FS, dst, 2 * vl).add(a2).intoArray(dst, 2 * vl);
        FloatVector.fromArray(FS, dst, 3 * vl).add(a3).intoArray(dst, 3 * vl);
    }

    /** The sum of a contiguous row of at least 4 doubles; rows long enough for a carry take the cascade. */
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
        // PyTorch adds the lanes to the tail sum one by one (not a tree reduceLanes): same bits
        for (int l = 0; l < vl; l++) {
            r += v.lane(l);
        }
        return r;
    }

    /**
     * The cascade: each round adds {@code 2^lp} groups of 4 vectors into level 1 ({@link #addGroups}),
     * then {@link CascadeSum#carry} moves levels up; the last partial round goes into level 0 and
     * {@link CascadeSum#finishInner} ends in scalar code on the {@code 4 x lanes} buffers, in PyTorch's order.
     */
    private static double cascadeSum(double[] x, int off, int n, int groups, int lp) {
        int vl = DS.length();
        int step = 1 << lp;
        int w = CascadeSum.ILP * vl;
        double[] lv = new double[(CascadeSum.LEVELS - 1) * w]; // level L, accumulator k, lane l at (L-1)*w + k*vl + l
        int p = off;
        int g = 0;
        for (; groups - g >= step; g += step, p += step * w) {
            addGroups(x, p, step, lv);
            CascadeSum.carry(lv, g + step, lp);
        }
        double[] a = new double[w]; // level 0
        addGroups(x, p, groups - g, a);
        return CascadeSum.finishInner(x, off, n, p + (groups - g) * w, vl, a, lv);
    }

    /** {@code dst[k*vl + l] += sum over the groups of x[p + (g*4 + k)*vl + l]}: 4 vector accumulators from zero. */
    private static void addGroups(double[] x, int p, int count, double[] dst) {
        int vl = DS.length();
        DoubleVector a0 = DoubleVector.zero(DS);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int j = 0; j < count; j++, p += 4 * vl) {
            a0 = a0.add(DoubleVector.fromArray(DS, x, p));
            a1 = a1.add(DoubleVector.fromArray(DS, x, p + vl));
            a2 = a2.add(DoubleVector.fromArray(DS, x, p + 2 * vl));
            a3 = a3.add(DoubleVector.fromArray(DS, x, p + 3 * vl));
        }
        DoubleVector.fromArray(DS, dst, 0).add(a0).intoArray(dst, 0);
        DoubleVector.fromArray(DS, dst, vl).add(a1).intoArray(dst, vl);
        DoubleVector.fromArray(DS, dst, 2 * vl).add(a2).intoArray(dst, 2 * vl);
        DoubleVector.fromArray(DS, dst, 3 * vl).add(a3).intoArray(dst, 3 * vl);
    }
}
