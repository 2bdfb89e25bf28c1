package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD row step of column-block reductions ({@link VectorReduction#combineRow}):
 * {@code acc[ao + j] = op(acc[ao + j], x[xo + j])}, one small loop per operator with the operator
 * written in the loop (see {@link VectorRows} for why), vector-aligned prefix only; the caller
 * finishes the tail with the scalar reference. Elementwise, so the results equal the reference's.
 */
final class VectorColumns {
    private VectorColumns() {}

    private static final VectorSpecies<Float> F = VectorReduction.F;
    private static final VectorSpecies<Double> D = VectorReduction.D;

    // ------------------------------------------------------------------ float

    /** {@code acc = acc + x} over the vector-aligned prefix; returns how many elements were done. */
    static int add(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).add(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = acc * x} over the vector-aligned prefix; returns how many elements were done. */
    static int mul(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).mul(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = max(acc, x)} over the vector-aligned prefix; returns how many elements were done. */
    static int max(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).max(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = min(acc, x)} over the vector-aligned prefix; returns how many elements were done. */
    static int min(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).min(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = acc + |x|} over the vector-aligned prefix; returns how many elements were done. */
    static int addAbs(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).add(v.abs()).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = max(acc, |x|)} over the vector-aligned prefix; returns how many elements were done. */
    static int maxAbs(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).max(v.abs()).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = min(acc, |x|)} over the vector-aligned prefix; returns how many elements were done. */
    static int minAbs(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).min(v.abs()).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = acc + x*x} over the vector-aligned prefix; returns how many elements were done. */
    static int addSquare(float[] acc, int ao, float[] x, int xo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector.fromArray(F, acc, ao + i).add(v.mul(v)).intoArray(acc, ao + i);
        }
        return i;
    }


    // ------------------------------------------------------------------ double

    /** {@code acc = acc + x} over the vector-aligned prefix; returns how many elements were done. */
    static int add(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).add(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = acc * x} over the vector-aligned prefix; returns how many elements were done. */
    static int mul(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).mul(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = max(acc, x)} over the vector-aligned prefix; returns how many elements were done. */
    static int max(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).max(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = min(acc, x)} over the vector-aligned prefix; returns how many elements were done. */
    static int min(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).min(v).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = acc + |x|} over the vector-aligned prefix; returns how many elements were done. */
    static int addAbs(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).add(v.abs()).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = max(acc, |x|)} over the vector-aligned prefix; returns how many elements were done. */
    static int maxAbs(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).max(v.abs()).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = min(acc, |x|)} over the vector-aligned prefix; returns how many elements were done. */
    static int minAbs(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).min(v.abs()).intoArray(acc, ao + i);
        }
        return i;
    }

    /** {@code acc = acc + x*x} over the vector-aligned prefix; returns how many elements were done. */
    static int addSquare(double[] acc, int ao, double[] x, int xo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector.fromArray(D, acc, ao + i).add(v.mul(v)).intoArray(acc, ao + i);
        }
        return i;
    }

}
