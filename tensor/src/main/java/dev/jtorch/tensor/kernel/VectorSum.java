package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CascadeSum#innerSum} with SIMD: PyTorch's {@code vectorized_inner_sum} on 8-lane float
 * (4-lane double) vectors, 4 vector accumulators, the cascade's carries through a small level
 * buffer, then the scalar tail and the lanes added one by one in PyTorch's order (not a tree
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
}
