package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD row loops of {@link VectorReduction} other than the sum: one small method per operator,
 * each with its {@code VectorOperators} constant written in the loop, so C2 intrinsifies it even
 * when it compiles the loop on its own (on-stack replacement of a long row), where an operator
 * passed as a parameter would not be constant. Four independent accumulators, one
 * {@code reduceLanes} after the loop, then the scalar tail with {@link ReduceOp}'s step.
 * Written from one template per loop: keep the float and double halves alike.
 */
final class VectorRows {
    private VectorRows() {}

    private static final VectorSpecies<Float> F = VectorReduction.F;
    private static final VectorSpecies<Double> D = VectorReduction.D;

    // ------------------------------------------------------------------ float

    /** The max (NaN propagates) of a contiguous row, 4 accumulators. */
    static float max(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            FloatVector v0 = FloatVector.fromArray(F, x, off + i);
            FloatVector v1 = FloatVector.fromArray(F, x, off + i + vl);
            FloatVector v2 = FloatVector.fromArray(F, x, off + i + 2 * vl);
            FloatVector v3 = FloatVector.fromArray(F, x, off + i + 3 * vl);
            a0 = a0.max(v0);
            a1 = a1.max(v1);
            a2 = a2.max(v2);
            a3 = a3.max(v3);
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.max(v);
        }
        float r = a0.max(a1).max(a2).max(a3).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = ReduceOp.MAX.apply(r, x[off + i]);
        }
        return r;
    }

    /** The min (NaN propagates) of a contiguous row, 4 accumulators. */
    static float min(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            FloatVector v0 = FloatVector.fromArray(F, x, off + i);
            FloatVector v1 = FloatVector.fromArray(F, x, off + i + vl);
            FloatVector v2 = FloatVector.fromArray(F, x, off + i + 2 * vl);
            FloatVector v3 = FloatVector.fromArray(F, x, off + i + 3 * vl);
            a0 = a0.min(v0);
            a1 = a1.min(v1);
            a2 = a2.min(v2);
            a3 = a3.min(v3);
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.min(v);
        }
        float r = a0.min(a1).min(a2).min(a3).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = ReduceOp.MIN.apply(r, x[off + i]);
        }
        return r;
    }

    /** The product of a contiguous row, 4 accumulators. */
    static float prod(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, 1);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            FloatVector v0 = FloatVector.fromArray(F, x, off + i);
            FloatVector v1 = FloatVector.fromArray(F, x, off + i + vl);
            FloatVector v2 = FloatVector.fromArray(F, x, off + i + 2 * vl);
            FloatVector v3 = FloatVector.fromArray(F, x, off + i + 3 * vl);
            a0 = a0.mul(v0);
            a1 = a1.mul(v1);
            a2 = a2.mul(v2);
            a3 = a3.mul(v3);
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.mul(v);
        }
        float r = Lanes.product(a0.mul(a1).mul(a2).mul(a3));
        for (; i < n; i++) {
            r = ReduceOp.PROD.apply(r, x[off + i]);
        }
        return r;
    }

    /** The sum of |x| of a contiguous row, 4 accumulators. */
    static float absSum(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, 0);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            FloatVector v0 = FloatVector.fromArray(F, x, off + i);
            FloatVector v1 = FloatVector.fromArray(F, x, off + i + vl);
            FloatVector v2 = FloatVector.fromArray(F, x, off + i + 2 * vl);
            FloatVector v3 = FloatVector.fromArray(F, x, off + i + 3 * vl);
            a0 = a0.add(v0.abs());
            a1 = a1.add(v1.abs());
            a2 = a2.add(v2.abs());
            a3 = a3.add(v3.abs());
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.add(v.abs());
        }
        float r = Lanes.sum(a0.add(a1).add(a2).add(a3));
        for (; i < n; i++) {
            r = ReduceOp.ABS_SUM.apply(r, x[off + i]);
        }
        return r;
    }

    /** The max of |x| (NaN propagates) of a contiguous row, 4 accumulators. */
    static float absMax(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, 0);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            FloatVector v0 = FloatVector.fromArray(F, x, off + i);
            FloatVector v1 = FloatVector.fromArray(F, x, off + i + vl);
            FloatVector v2 = FloatVector.fromArray(F, x, off + i + 2 * vl);
            FloatVector v3 = FloatVector.fromArray(F, x, off + i + 3 * vl);
            a0 = a0.max(v0.abs());
            a1 = a1.max(v1.abs());
            a2 = a2.max(v2.abs());
            a3 = a3.max(v3.abs());
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.max(v.abs());
        }
        float r = a0.max(a1).max(a2).max(a3).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = ReduceOp.ABS_MAX.apply(r, x[off + i]);
        }
        return r;
    }

    /** The min of |x| (NaN propagates) of a contiguous row, 4 accumulators. */
    static float absMin(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            FloatVector v0 = FloatVector.fromArray(F, x, off + i);
            FloatVector v1 = FloatVector.fromArray(F, x, off + i + vl);
            FloatVector v2 = FloatVector.fromArray(F, x, off + i + 2 * vl);
            FloatVector v3 = FloatVector.fromArray(F, x, off + i + 3 * vl);
            a0 = a0.min(v0.abs());
            a1 = a1.min(v1.abs());
            a2 = a2.min(v2.abs());
            a3 = a3.min(v3.abs());
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.min(v.abs());
        }
        float r = a0.min(a1).min(a2).min(a3).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = ReduceOp.ABS_MIN.apply(r, x[off + i]);
        }
        return r;
    }

    /** The sum of x*x of a contiguous row, 4 accumulators. */
    static float squareSum(float[] x, int off, int n) {
        int vl = F.length();
        FloatVector a0 = FloatVector.broadcast(F, 0);
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
        float r = Lanes.sum(a0.add(a1).add(a2).add(a3));
        for (; i < n; i++) {
            r = ReduceOp.SQUARE_SUM.apply(r, x[off + i]);
        }
        return r;
    }


    // ------------------------------------------------------------------ double

    /** The max (NaN propagates) of a contiguous row, 4 accumulators. */
    static double max(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + i + vl);
            DoubleVector v2 = DoubleVector.fromArray(D, x, off + i + 2 * vl);
            DoubleVector v3 = DoubleVector.fromArray(D, x, off + i + 3 * vl);
            a0 = a0.max(v0);
            a1 = a1.max(v1);
            a2 = a2.max(v2);
            a3 = a3.max(v3);
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector v = DoubleVector.fromArray(D, x, off + i);
            a0 = a0.max(v);
        }
        double r = a0.max(a1).max(a2).max(a3).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = ReduceOp.MAX.apply(r, x[off + i]);
        }
        return r;
    }

    /** The min (NaN propagates) of a contiguous row, 4 accumulators. */
    static double min(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + i + vl);
            DoubleVector v2 = DoubleVector.fromArray(D, x, off + i + 2 * vl);
            DoubleVector v3 = DoubleVector.fromArray(D, x, off + i + 3 * vl);
            a0 = a0.min(v0);
            a1 = a1.min(v1);
            a2 = a2.min(v2);
            a3 = a3.min(v3);
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector v = DoubleVector.fromArray(D, x, off + i);
            a0 = a0.min(v);
        }
        double r = a0.min(a1).min(a2).min(a3).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = ReduceOp.MIN.apply(r, x[off + i]);
        }
        return r;
    }

    /** The product of a contiguous row, 4 accumulators. */
    static double prod(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, 1);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + i + vl);
            DoubleVector v2 = DoubleVector.fromArray(D, x, off + i + 2 * vl);
            DoubleVector v3 = DoubleVector.fromArray(D, x, off + i + 3 * vl);
            a0 = a0.mul(v0);
            a1 = a1.mul(v1);
            a2 = a2.mul(v2);
            a3 = a3.mul(v3);
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector v = DoubleVector.fromArray(D, x, off + i);
            a0 = a0.mul(v);
        }
        double r = Lanes.product(a0.mul(a1).mul(a2).mul(a3));
        for (; i < n; i++) {
            r = ReduceOp.PROD.apply(r, x[off + i]);
        }
        return r;
    }

    /** The sum of |x| of a contiguous row, 4 accumulators. */
    static double absSum(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, 0);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + i + vl);
            DoubleVector v2 = DoubleVector.fromArray(D, x, off + i + 2 * vl);
            DoubleVector v3 = DoubleVector.fromArray(D, x, off + i + 3 * vl);
            a0 = a0.add(v0.abs());
            a1 = a1.add(v1.abs());
            a2 = a2.add(v2.abs());
            a3 = a3.add(v3.abs());
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector v = DoubleVector.fromArray(D, x, off + i);
            a0 = a0.add(v.abs());
        }
        double r = Lanes.sum(a0.add(a1).add(a2).add(a3));
        for (; i < n; i++) {
            r = ReduceOp.ABS_SUM.apply(r, x[off + i]);
        }
        return r;
    }

    /** The max of |x| (NaN propagates) of a contiguous row, 4 accumulators. */
    static double absMax(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, 0);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + i + vl);
            DoubleVector v2 = DoubleVector.fromArray(D, x, off + i + 2 * vl);
            DoubleVector v3 = DoubleVector.fromArray(D, x, off + i + 3 * vl);
            a0 = a0.max(v0.abs());
            a1 = a1.max(v1.abs());
            a2 = a2.max(v2.abs());
            a3 = a3.max(v3.abs());
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector v = DoubleVector.fromArray(D, x, off + i);
            a0 = a0.max(v.abs());
        }
        double r = a0.max(a1).max(a2).max(a3).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = ReduceOp.ABS_MAX.apply(r, x[off + i]);
        }
        return r;
    }

    /** The min of |x| (NaN propagates) of a contiguous row, 4 accumulators. */
    static double absMin(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        for (; i <= n - 4 * vl; i += 4 * vl) {
            DoubleVector v0 = DoubleVector.fromArray(D, x, off + i);
            DoubleVector v1 = DoubleVector.fromArray(D, x, off + i + vl);
            DoubleVector v2 = DoubleVector.fromArray(D, x, off + i + 2 * vl);
            DoubleVector v3 = DoubleVector.fromArray(D, x, off + i + 3 * vl);
            a0 = a0.min(v0.abs());
            a1 = a1.min(v1.abs());
            a2 = a2.min(v2.abs());
            a3 = a3.min(v3.abs());
        }
        for (; i <= n - vl; i += vl) {
            DoubleVector v = DoubleVector.fromArray(D, x, off + i);
            a0 = a0.min(v.abs());
        }
        double r = a0.min(a1).min(a2).min(a3).reduceLanes(VectorOperators.MIN);
        for (; i < n; i++) {
            r = ReduceOp.ABS_MIN.apply(r, x[off + i]);
        }
        return r;
    }

    /** The sum of x*x of a contiguous row, 4 accumulators. */
    static double squareSum(double[] x, int off, int n) {
        int vl = D.length();
        DoubleVector a0 = DoubleVector.broadcast(D, 0);
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
        double r = Lanes.sum(a0.add(a1).add(a2).add(a3));
        for (; i < n; i++) {
            r = ReduceOp.SQUARE_SUM.apply(r, x[off + i]);
        }
        return r;
    }

}
