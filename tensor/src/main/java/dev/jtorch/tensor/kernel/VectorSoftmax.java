package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused softmax-family kernels of {@link VectorReduction} on contiguous data, with SLEEF's exp
 * and log ({@link VectorSleef}, the scalar tails {@link SleefMath}): given the row maximum, one pass sums {@code exp(x - max)} (storing it for
 * softmax) and one pass writes the result. Column blocks (softmax over an outer dim) keep the
 * per-column max and sum in vectors, {@code F.length()} columns at a time, as PyTorch's
 * {@code _vec_softmax} does. Operation order follows {@link SoftmaxRef}.
 */
final class VectorSoftmax {
    private VectorSoftmax() {}

    private static final VectorSpecies<Float> F = VectorReduction.F;
    private static final VectorSpecies<Double> D = VectorReduction.D;

    // ------------------------------------------------------------------ float

    static float logSumExp(float[] x, int off, int n, float max) {
        float m = Float.isInfinite(max) ? 0 : max;
        return SleefMath.log(expSum(x, off, n, m)) + m;
    }

    /**
     * The maximum softmax subtracts, for a row of at least one vector: compare-and-blend, about 40%
     * cheaper than {@code max}'s NaN- and signed-zero-aware lanes. It skips NaN and may return either
     * zero for a row whose maximum is 0, and the softmax is the same either way: a NaN anywhere makes
     * the sum and so every output NaN, and {@code x - (+0)} and {@code x - (-0)} differ only for
     * {@code x = -0}, where both give {@code exp(±0) = 1}. (Log-softmax keeps {@link VectorRows#max}:
     * there {@code x - m - log(sum)} can show the sign of a zero.)
     */
    static float softmaxMax(float[] x, int off, int n) {
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
            a0 = a0.blend(v0, a0.compare(VectorOperators.LT, v0));
            a1 = a1.blend(v1, a1.compare(VectorOperators.LT, v1));
            a2 = a2.blend(v2, a2.compare(VectorOperators.LT, v2));
            a3 = a3.blend(v3, a3.compare(VectorOperators.LT, v3));
        }
        for (; i <= n - vl; i += vl) {
            FloatVector v = FloatVector.fromArray(F, x, off + i);
            a0 = a0.blend(v, a0.compare(VectorOperators.LT, v));
        }
        float r = a0.max(a1).max(a2).max(a3).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            r = Math.max(r, x[off + i]);
        }
        return r;
    }

    /** Softmax of a contiguous row with maximum {@code m}: {@code out = exp(x - m) * (1 / sum)}. */
    static void softmaxRow(float[] x, int xo, float[] out, int oo, int n, float m) {
        scale(out, oo, n, 1 / expStore(x, xo, out, oo, n, m));
    }

    /** Log-softmax of a contiguous row with maximum {@code m}: {@code out = x - m - log(sum)}. */
    static void logSoftmaxRow(float[] x, int xo, float[] out, int oo, int n, float m) {
        subtract(x, xo, out, oo, n, m, SleefMath.log(expSum(x, xo, n, m)));
    }

    private static float expSum(float[] x, int off, int n, float m) {
        int vl = F.length();
        FloatVector mv = FloatVector.broadcast(F, m);
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        // one exp per loop body (C2 stops inlining the SLEEF exp after two or three copies);
        // rotating the accumulators keeps four independent sums
        for (; i <= n - vl; i += vl) {
            FloatVector t = a0.add(VectorSleef.exp(FloatVector.fromArray(F, x, off + i).sub(mv)));
            a0 = a1;
            a1 = a2;
            a2 = a3;
            a3 = t;
        }
        float s = Lanes.sum(a0.add(a1).add(a2).add(a3));
        for (; i < n; i++) {
            s += SleefMath.exp(x[off + i] - m);
        }
        return s;
    }

    /** {@code out = exp(x - m)} for the row's maximum {@code m}; returns the sum. */
    private static float expStore(float[] x, int xo, float[] out, int oo, int n, float m) {
        int vl = F.length();
        FloatVector mv = FloatVector.broadcast(F, m);
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        int i = 0;
        // x - m is at most 0 (or NaN): exp's overflow step never fires
        for (; i <= n - vl; i += vl) {
            FloatVector e = VectorSleef.expNoOverflow(FloatVector.fromArray(F, x, xo + i).sub(mv));
            e.intoArray(out, oo + i);
            FloatVector t = a0.add(e);
            a0 = a1;
            a1 = t;
        }
        float s = Lanes.sum(a0.add(a1));
        for (; i < n; i++) {
            float e = SleefMath.exp(x[xo + i] - m);
            out[oo + i] = e;
            s += e;
        }
        return s;
    }

    private static void scale(float[] out, int oo, int n, float r) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, out, oo + i).mul(r).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] *= r;
        }
    }

    /** {@code out = x - m - ls}, in that order (PyTorch keeps it for large inputs with small differences). */
    private static void subtract(float[] x, int xo, float[] out, int oo, int n, float m, float ls) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i).sub(m).sub(ls).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = x[xo + i] - m - ls;
        }
    }

    static void softmaxBlock(float[] x, int xo, float[] out, int oo, int rows, int stride) {
        FloatVector m = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            m = m.lanewise(VectorOperators.MAX, FloatVector.fromArray(F, x, xo + i * stride));
        }
        FloatVector s = FloatVector.zero(F);
        for (int i = 0; i < rows; i++) {
            // m is the column maximum: x - m is at most 0 (or NaN)
            FloatVector e = VectorSleef.expNoOverflow(FloatVector.fromArray(F, x, xo + i * stride).sub(m));
            e.intoArray(out, oo + i * stride);
            s = s.add(e);
        }
        for (int i = 0; i < rows; i++) {
            FloatVector.fromArray(F, out, oo + i * stride).div(s).intoArray(out, oo + i * stride);
        }
    }

    static void logSoftmaxBlock(float[] x, int xo, float[] out, int oo, int rows, int stride) {
        FloatVector m = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            m = m.lanewise(VectorOperators.MAX, FloatVector.fromArray(F, x, xo + i * stride));
        }
        FloatVector s = FloatVector.zero(F);
        for (int i = 0; i < rows; i++) {
            s = s.add(VectorSleef.exp(FloatVector.fromArray(F, x, xo + i * stride).sub(m)));
        }
        FloatVector ls = VectorSleef.log(s);
        for (int i = 0; i < rows; i++) {
            FloatVector.fromArray(F, x, xo + i * stride).sub(m).sub(ls).intoArray(out, oo + i * stride);
        }
    }

    // ------------------------------------------------------------------ double

    static double logSumExp(double[] x, int off, int n, double max) {
        double m = Double.isInfinite(max) ? 0 : max;
        return SleefMath.log(expSum(x, off, n, m)) + m;
    }

    /** Softmax of a contiguous row with maximum {@code m}: {@code out = exp(x - m) * (1 / sum)}. */
    static void softmaxRow(double[] x, int xo, double[] out, int oo, int n, double m) {
        scale(out, oo, n, 1 / expStore(x, xo, out, oo, n, m));
    }

    /** Log-softmax of a contiguous row with maximum {@code m}: {@code out = x - m - log(sum)}. */
    static void logSoftmaxRow(double[] x, int xo, double[] out, int oo, int n, double m) {
        subtract(x, xo, out, oo, n, m, SleefMath.log(expSum(x, xo, n, m)));
    }

    private static double expSum(double[] x, int off, int n, double m) {
        int vl = D.length();
        DoubleVector mv = DoubleVector.broadcast(D, m);
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int i = 0;
        // one exp per loop body (C2 stops inlining the SLEEF exp after two or three copies);
        // rotating the accumulators keeps four independent sums
        for (; i <= n - vl; i += vl) {
            DoubleVector t = a0.add(VectorSleef.exp(DoubleVector.fromArray(D, x, off + i).sub(mv)));
            a0 = a1;
            a1 = a2;
            a2 = a3;
            a3 = t;
        }
        double s = Lanes.sum(a0.add(a1).add(a2).add(a3));
        for (; i < n; i++) {
            s += SleefMath.exp(x[off + i] - m);
        }
        return s;
    }

    private static double expStore(double[] x, int xo, double[] out, int oo, int n, double m) {
        int vl = D.length();
        DoubleVector mv = DoubleVector.broadcast(D, m);
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = a0;
        int i = 0;
        for (; i <= n - vl; i += vl) {
            DoubleVector e = VectorSleef.exp(DoubleVector.fromArray(D, x, xo + i).sub(mv));
            e.intoArray(out, oo + i);
            DoubleVector t = a0.add(e);
            a0 = a1;
            a1 = t;
        }
        double s = Lanes.sum(a0.add(a1));
        for (; i < n; i++) {
            double e = SleefMath.exp(x[xo + i] - m);
            out[oo + i] = e;
            s += e;
        }
        return s;
    }

    private static void scale(double[] out, int oo, int n, double r) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, out, oo + i).mul(r).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] *= r;
        }
    }

    private static void subtract(double[] x, int xo, double[] out, int oo, int n, double m, double ls) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xo + i).sub(m).sub(ls).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = x[xo + i] - m - ls;
        }
    }

    static void softmaxBlock(double[] x, int xo, double[] out, int oo, int rows, int stride) {
        DoubleVector m = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            m = m.lanewise(VectorOperators.MAX, DoubleVector.fromArray(D, x, xo + i * stride));
        }
        DoubleVector s = DoubleVector.zero(D);
        for (int i = 0; i < rows; i++) {
            DoubleVector e = VectorSleef.exp(DoubleVector.fromArray(D, x, xo + i * stride).sub(m));
            e.intoArray(out, oo + i * stride);
            s = s.add(e);
        }
        for (int i = 0; i < rows; i++) {
            DoubleVector.fromArray(D, out, oo + i * stride).div(s).intoArray(out, oo + i * stride);
        }
    }

    static void logSoftmaxBlock(double[] x, int xo, double[] out, int oo, int rows, int stride) {
        DoubleVector m = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            m = m.lanewise(VectorOperators.MAX, DoubleVector.fromArray(D, x, xo + i * stride));
        }
        DoubleVector s = DoubleVector.zero(D);
        for (int i = 0; i < rows; i++) {
            s = s.add(VectorSleef.exp(DoubleVector.fromArray(D, x, xo + i * stride).sub(m)));
        }
        DoubleVector ls = VectorSleef.log(s);
        for (int i = 0; i < rows; i++) {
            DoubleVector.fromArray(D, x, xo + i * stride).sub(m).sub(ls).intoArray(out, oo + i * stride);
        }
    }
}
