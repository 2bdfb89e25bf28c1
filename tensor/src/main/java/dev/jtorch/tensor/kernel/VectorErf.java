package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Erf#erf(double)} lane by lane, and the exact GELU built on it. Every interval's formula
 * is evaluated and the right one blended in, with the same operations in the same order as the
 * scalar version, and exp is the SLEEF port in both ({@link VectorSleef}, {@link SleefMath}), so the
 * lanes agree with it bit for bit. Float inputs are widened to double in blocks, as the scalar float
 * version rounds the double erf.
 *
 * <p>The whole erf is written in the body of one loop: split into helper methods taking vectors,
 * C2 declined to inline them (too big once compiled) and the vectors were boxed, 50x slower.
 */
final class VectorErf {
    private VectorErf() {}

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Floats with the double species' lane count, so each widening is one instruction. */
    static final VectorSpecies<Float> FH = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int BLOCK = 512;
    /** fdlibm tests the high word; these are the same bounds as doubles (1/0.35, 2^-28, 2^-1015). */
    private static final double RA_LIMIT = Double.longBitsToDouble(0x4006DB6E00000000L);
    private static final double TINY = 0x1p-28;
    private static final double SUBNORMAL = Double.longBitsToDouble(0x0080000000000000L);

    /** erf of float lanes through double; returns how many leading elements it computed. */
    static int erf(float[] x, int xo, float[] out, int oo, int n) {
        return floats(false, x, xo, out, oo, n);
    }

    /** Exact GELU of float lanes, {@code x * 0.5f * (1f + erf(x * SQRT1_2_F))}, the erf in double. */
    static int gelu(float[] x, int xo, float[] out, int oo, int n) {
        return floats(true, x, xo, out, oo, n);
    }

    /**
     * Widens blocks of floats (times SQRT1_2_F for gelu) to double, takes erf, rounds back. No
     * vector is chosen by a condition inside a loop: a vector phi would be boxed by C2 on JDK 17.
     */
    private static int floats(boolean gelu, float[] x, int xo, float[] out, int oo, int n) {
        int bound = D.loopBound(n);
        double[] buf = new double[Math.min(bound, BLOCK)];
        float scale = gelu ? UnaryOp.SQRT1_2_F : 1f;
        for (int done = 0; done < bound; done += buf.length) {
            int m = Math.min(buf.length, bound - done);
            int xs = xo + done;
            int os = oo + done;
            for (int k = 0; k < m; k += FH.length()) {
                // for erf, x * 1f == x exactly
                ((DoubleVector) FloatVector.fromArray(FH, x, xs + k).mul(scale).convertShape(VectorOperators.F2D, D, 0))
                        .intoArray(buf, k);
            }
            erf(buf, 0, buf, 0, m);
            if (gelu) {
                for (int k = 0; k < m; k += FH.length()) {
                    FloatVector e = (FloatVector) DoubleVector.fromArray(D, buf, k).convertShape(VectorOperators.D2F, FH, 0);
                    FloatVector.fromArray(FH, x, xs + k).mul(0.5f).mul(e.add(1f)).intoArray(out, os + k);
                }
            } else {
                for (int k = 0; k < m; k += FH.length()) {
                    ((FloatVector) DoubleVector.fromArray(D, buf, k).convertShape(VectorOperators.D2F, FH, 0)).intoArray(out, os + k);
                }
            }
        }
        return bound;
    }

    /** Exact GELU of double lanes, {@code x * 0.5 * (1 + erf(x * SQRT1_2))}. */
    static int gelu(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        double[] buf = new double[Math.min(bound, BLOCK)];
        for (int done = 0; done < bound; done += buf.length) {
            int m = Math.min(buf.length, bound - done);
            for (int k = 0; k < m; k += D.length()) {
                DoubleVector.fromArray(D, x, xo + done + k).mul(UnaryOp.SQRT1_2).intoArray(buf, k);
            }
            erf(buf, 0, buf, 0, m);
            for (int k = 0; k < m; k += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, xo + done + k);
                v.mul(0.5d).mul(DoubleVector.fromArray(D, buf, k).add(1d)).intoArray(out, oo + done + k);
            }
        }
        return bound;
    }

    /** erf of double lanes; {@code out} may be {@code x}. */
    static int erf(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector ax = v.abs();
            VectorMask<Double> negative = v.compare(VectorOperators.LT, 0d);
            // |x| < 0.84375: x + x*P(x^2)/Q(x^2); below 2^-28 x + EFX*x, below 2^-1015 (8x + EFX8*x)/8
            DoubleVector z = v.mul(v);
            DoubleVector r = z.mul(Erf.PP4).add(Erf.PP3).mul(z).add(Erf.PP2).mul(z).add(Erf.PP1).mul(z).add(Erf.PP0);
            DoubleVector s = z.mul(Erf.QQ5).add(Erf.QQ4).mul(z).add(Erf.QQ3).mul(z).add(Erf.QQ2).mul(z).add(Erf.QQ1)
                    .mul(z).add(1d);
            DoubleVector y = v.add(v.mul(r.div(s)));
            y = y.blend(v.add(v.mul(Erf.EFX)), ax.compare(VectorOperators.LT, TINY));
            y = y.blend(v.mul(8d).add(v.mul(Erf.EFX8)).div(8d), ax.compare(VectorOperators.LT, SUBNORMAL));
            // [0.84375, 1.25): ERX + P(s)/Q(s), s = |x| - 1
            DoubleVector t = ax.sub(1d);
            DoubleVector p = t.mul(Erf.PA6).add(Erf.PA5).mul(t).add(Erf.PA4).mul(t).add(Erf.PA3).mul(t).add(Erf.PA2)
                    .mul(t).add(Erf.PA1).mul(t).add(Erf.PA0);
            DoubleVector q = t.mul(Erf.QA6).add(Erf.QA5).mul(t).add(Erf.QA4).mul(t).add(Erf.QA3).mul(t).add(Erf.QA2)
                    .mul(t).add(Erf.QA1).mul(t).add(1d);
            DoubleVector mid = p.div(q).add(Erf.ERX);
            y = y.blend(mid.blend(mid.neg(), negative), ax.compare(VectorOperators.GE, 0.84375));
            // [1.25, 6): 1 - exp(-x*x - 0.5625 + R/S)/|x|, R/S in 1/x^2, two coefficient sets
            DoubleVector u = DoubleVector.broadcast(D, 1d).div(ax.mul(ax));
            DoubleVector ra = u.mul(Erf.RA7).add(Erf.RA6).mul(u).add(Erf.RA5).mul(u).add(Erf.RA4).mul(u).add(Erf.RA3)
                    .mul(u).add(Erf.RA2).mul(u).add(Erf.RA1).mul(u).add(Erf.RA0);
            DoubleVector sa = u.mul(Erf.SA8).add(Erf.SA7).mul(u).add(Erf.SA6).mul(u).add(Erf.SA5).mul(u).add(Erf.SA4)
                    .mul(u).add(Erf.SA3).mul(u).add(Erf.SA2).mul(u).add(Erf.SA1).mul(u).add(1d);
            DoubleVector rb = u.mul(Erf.RB6).add(Erf.RB5).mul(u).add(Erf.RB4).mul(u).add(Erf.RB3).mul(u).add(Erf.RB2)
                    .mul(u).add(Erf.RB1).mul(u).add(Erf.RB0);
            DoubleVector sb = u.mul(Erf.SB7).add(Erf.SB6).mul(u).add(Erf.SB5).mul(u).add(Erf.SB4).mul(u).add(Erf.SB3)
                    .mul(u).add(Erf.SB2).mul(u).add(Erf.SB1).mul(u).add(1d);
            DoubleVector rs = rb.div(sb).blend(ra.div(sa), ax.compare(VectorOperators.LT, RA_LIMIT));
            DoubleVector zz = ax.reinterpretAsLongs().and(0xffffffff00000000L).reinterpretAsDoubles();
            DoubleVector e = VectorSleef.exp(zz.neg().mul(zz).sub(0.5625))
                    .mul(VectorSleef.exp(zz.sub(ax).mul(zz.add(ax)).add(rs)));
            DoubleVector tail = DoubleVector.broadcast(D, 1d).sub(e.div(ax));
            y = y.blend(tail.blend(tail.neg(), negative), ax.compare(VectorOperators.GE, 1.25));
            // |x| >= 6 (and infinities): +-1
            y = y.blend(DoubleVector.broadcast(D, 1d).blend(-1d, negative), ax.compare(VectorOperators.GE, 6d));
            y.intoArray(out, oo + i);
        }
        return i;
    }
}
