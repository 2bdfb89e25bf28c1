package dev.jtorch.tensor.kernel;

import dev.jtorch.tensor.kernel.FloatConvGemm.Geometry;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct float32 convolution forward for products with few taps (a one-channel 3x3 kernel, as in
 * the first layer of the example CNN: 9 taps, 10 with the bias), where {@link FloatConvGemm}'s
 * packing and 6-row tiles cost more than the multiply-adds: for each output channel and each
 * vector of {@code L} consecutive output positions of a row, the taps' input vectors are read in
 * place (a unit column stride and no padding put them at consecutive image offsets) and summed
 * with one {@code fma} per tap, four channels at a time (four independent chains hide the
 * {@code fma} latency). Each output is {@link FloatConvGemm}'s sum in its order: from
 * {@code +0.0}, {@code fma} tap by tap in weight order, then {@code + bias} (the GEMM's last step,
 * {@code fma(bias, 1, acc)}, rounds the same sum), so the bits are the same.
 *
 * <p>A row's last vector may run past the row; its extra lanes write outputs of the next row of
 * the same channel, which is computed later and overwrites them. The last row of a channel, a
 * vector that would read past the input, and channels past the last multiple of four are done
 * element by element with the same operations.
 */
public final class FloatConvFewTaps {
    private FloatConvFewTaps() {}

    private static final VectorSpecies<Float> F = FloatMicroKernels.F;
    private static final int L = F.length();
    /** Products with at most this many taps go here. */
    public static final int MAX_TAPS = 16;

    private static final ThreadLocal<ConvTaps> TAPS = ThreadLocal.withInitial(ConvTaps::new);

    /** Whether {@link #forward} takes {@code g}: few taps, a unit column stride, no padding, rows of at least half a vector. */
    public static boolean applies(Geometry g) {
        return g.k() <= MAX_TAPS && g.sw() == 1 && g.unpadded() && g.ow() >= L / 2;
    }

    /** {@link FloatConvGemm#forward} with {@code acc == false}, for a geometry that {@link #applies}. */
    public static void forward(Geometry g, int m, float[] w, int wOff, float[] bias, int biasOff, float[] x, int xOff,
                               int xSample, int ns, float[] y, int yOff, int ySample) {
        int k = g.k();
        int p = g.p();
        if (m == 0 || ns == 0 || p == 0) {
            return;
        }
        ConvTaps taps = TAPS.get();
        taps.fill(g);
        int[] off = taps.off;
        int maxOff = 0;
        for (int r = 0; r < k; r++) {
            maxOff = Math.max(maxOff, off[r]);
        }
        int rowStep = g.sh() * g.w();
        int ow = g.ow();
        for (int s = 0; s < ns; s++) {
            int xs = xOff + s * xSample;
            int ys = yOff + s * ySample;
            int o = 0;
            for (; o + 4 <= m; o += 4) {
                for (int oh = 0; oh < g.oh(); oh++) {
                    int xo = xs + oh * rowStep;
                    int yo = ys + o * p + oh * ow;
                    // a last vector may spill into the channel's next row (computed later), not past the channel
                    int q = 0;
                    for (; q + L < ow && xo + q + maxOff + 2 * L <= x.length && (q + 2 * L <= ow || oh + 1 < g.oh()); q += 2 * L) {
                        vector4x2(k, w, wOff + o * k, off, bias, biasOff + o, x, xo + q, y, yo + q, p);
                    }
                    for (; q < ow && xo + q + maxOff + L <= x.length && (q + L <= ow || oh + 1 < g.oh()); q += L) {
                        vector4(k, w, wOff + o * k, off, bias, biasOff + o, x, xo + q, y, yo + q, p);
                    }
                    if (q < ow && ow >= L && xo + ow - L + maxOff + L <= x.length) {
                        // the row's last L outputs (again where they overlap done ones: the same values)
                        vector4(k, w, wOff + o * k, off, bias, biasOff + o, x, xo + ow - L, y, yo + ow - L, p);
                        q = ow;
                    }
                    for (int i = 0; i < 4; i++) {
                        scalar(k, w, wOff + (o + i) * k, off, addend(bias, biasOff + o + i), x, xo, q, ow, y, yo + i * p);
                    }
                }
            }
            for (; o < m; o++) {
                for (int oh = 0; oh < g.oh(); oh++) {
                    scalar(k, w, wOff + o * k, off, addend(bias, biasOff + o), x, xs + oh * rowStep, 0, ow, y,
                            ys + o * p + oh * ow);
                }
            }
        }
    }

    /** The bias to add, or {@code -0.0}, which leaves every sum as it is (no branch on the bias in the loops). */
    private static float addend(float[] bias, int i) {
        return bias == null ? -0f : bias[i];
    }

    /**
     * Four channels ({@code p} apart in {@code y}, {@code k} apart in {@code w}) at {@code L} positions:
     * four independent {@code fma} chains over the taps, each tap's input vector read once.
     */
    private static void vector4(int k, float[] w, int wo, int[] off, float[] bias, int bo, float[] x, int xo, float[] y,
                                int yo, int p) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        for (int r = 0; r < k; r++) {
            FloatVector v = FloatVector.fromArray(F, x, xo + off[r]);
            a0 = v.fma(FloatVector.broadcast(F, w[wo + r]), a0);
            a1 = v.fma(FloatVector.broadcast(F, w[wo + k + r]), a1);
            a2 = v.fma(FloatVector.broadcast(F, w[wo + 2 * k + r]), a2);
            a3 = v.fma(FloatVector.broadcast(F, w[wo + 3 * k + r]), a3);
        }
        a0.add(addend(bias, bo)).intoArray(y, yo);
        a1.add(addend(bias, bo + 1)).intoArray(y, yo + p);
        a2.add(addend(bias, bo + 2)).intoArray(y, yo + 2 * p);
        a3.add(addend(bias, bo + 3)).intoArray(y, yo + 3 * p);
    }

    /** {@link #vector4} at {@code 2 L} positions: eight chains, each tap's two input vectors read once. */
    private static void vector4x2(int k, float[] w, int wo, int[] off, float[] bias, int bo, float[] x, int xo, float[] y,
                                  int yo, int p) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        FloatVector b0 = FloatVector.zero(F);
        FloatVector b1 = FloatVector.zero(F);
        FloatVector b2 = FloatVector.zero(F);
        FloatVector b3 = FloatVector.zero(F);
        for (int r = 0; r < k; r++) {
            int xi = xo + off[r];
            FloatVector u = FloatVector.fromArray(F, x, xi);
            FloatVector v = FloatVector.fromArray(F, x, xi + L);
            FloatVector c;
            c = FloatVector.broadcast(F, w[wo + r]);
            a0 = u.fma(c, a0);
            b0 = v.fma(c, b0);
            c = FloatVector.broadcast(F, w[wo + k + r]);
            a1 = u.fma(c, a1);
            b1 = v.fma(c, b1);
            c = FloatVector.broadcast(F, w[wo + 2 * k + r]);
            a2 = u.fma(c, a2);
            b2 = v.fma(c, b2);
            c = FloatVector.broadcast(F, w[wo + 3 * k + r]);
            a3 = u.fma(c, a3);
            b3 = v.fma(c, b3);
        }
        float s0 = addend(bias, bo);
        float s1 = addend(bias, bo + 1);
        float s2 = addend(bias, bo + 2);
        float s3 = addend(bias, bo + 3);
        a0.add(s0).intoArray(y, yo);
        b0.add(s0).intoArray(y, yo + L);
        a1.add(s1).intoArray(y, yo + p);
        b1.add(s1).intoArray(y, yo + p + L);
        a2.add(s2).intoArray(y, yo + 2 * p);
        b2.add(s2).intoArray(y, yo + 2 * p + L);
        a3.add(s3).intoArray(y, yo + 3 * p);
        b3.add(s3).intoArray(y, yo + 3 * p + L);
    }

    /** Positions {@code [q0, ow)} of one row of one channel at {@code y[yo]}, element by element, plus {@code b}. */
    private static void scalar(int k, float[] w, int wo, int[] off, float b, float[] x, int xo, int q0, int ow, float[] y,
                               int yo) {
        for (int q = q0; q < ow; q++) {
            float acc = 0f;
            for (int r = 0; r < k; r++) {
                acc = Math.fma(x[xo + off[r] + q], w[wo + r], acc);
            }
            y[yo + q] = acc + b;
        }
    }
}
