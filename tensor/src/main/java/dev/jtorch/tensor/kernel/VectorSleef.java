package dev.jtorch.tensor.kernel;

import static dev.jtorch.tensor.kernel.SleefMath.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SleefMath}'s exp and log lane by lane, from exactly rounded lanewise operations only (add,
 * mul, div, fma, compare/blend, bit reinterpretation and integer shifts), so that interpreted,
 * C1- and C2-compiled code give the same bits, equal to the scalar port. The Vector API's
 * {@code EXP}/{@code LOG} are SVML calls once C2 compiles the loop and {@code Math.exp} per lane
 * before: they differ in the last bit, which made results depend on JIT timing.
 * Small static methods so C2 inlines them into each kernel loop (vectors never escape).
 */
final class VectorSleef {
    private VectorSleef() {}

    private static final VectorSpecies<Float> FL = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DL = DoubleVector.SPECIES_PREFERRED;

    // ------------------------------------------------------------------ float

    /**
     * Lanes below this take {@link #expScaled}'s two-step scaling (the result's exponent may be below
     * the normal range); at or above it, {@code q >= -125} and one multiplication by {@code 2^q} gives
     * the same bits ({@code u * 2^(q>>1)} is exact, so {@code u * 2^(q>>1) * 2^(q-(q>>1))} rounds
     * {@code u * 2^q} once, and {@code 2^q} is a normal float).
     */
    private static final float EXP_DIRECT_MIN = -86f;
    /** Lanes above this take {@link #expScaled} ({@code 2^q} may overflow): {@code q <= 127} below it. */
    private static final float EXP_DIRECT_MAX = 88f;

    /**
     * SLEEF's expf. Vectors with every lane in {@code [EXP_DIRECT_MIN, EXP_DIRECT_MAX]} (or NaN), all
     * of them in softmax and most elsewhere, take {@link #expDirect}; the others {@link #expScaled}.
     * Both give the same bits on such lanes, so the branch changes speed only (about 13% per exp).
     */
    static FloatVector exp(FloatVector d) {
        if (outsideDirect(d)) {
            return expScaled(d).blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 100f));
        }
        return expDirect(d);
    }

    /**
     * {@link #exp} without its overflow step: the same bits for every lane not above 100 (NaN
     * included), for callers whose arguments cannot be, such as softmax's {@code x - max(x)}.
     */
    static FloatVector expNoOverflow(FloatVector d) {
        if (outsideDirect(d)) {
            return expScaled(d);
        }
        return expDirect(d);
    }

    private static boolean outsideDirect(FloatVector d) {
        return d.compare(VectorOperators.LT, EXP_DIRECT_MIN).or(d.compare(VectorOperators.GT, EXP_DIRECT_MAX)).anyTrue();
    }

    /** SLEEF's expf for lanes in {@code [EXP_DIRECT_MIN, EXP_DIRECT_MAX]} (or NaN): one scaling multiplication. */
    private static FloatVector expDirect(FloatVector d) {
        FloatVector t = d.mul(R_LN2F).add(RND_F);
        IntVector q = t.reinterpretAsInts().sub(RND_F_BITS);
        FloatVector u = expPoly(d, t.sub(RND_F));
        return u.mul(q.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
    }

    /** SLEEF's expf below 100 (or NaN): the two-step scaling, and 0 below -104. */
    private static FloatVector expScaled(FloatVector d) {
        FloatVector t = d.mul(R_LN2F).add(RND_F);
        IntVector q = t.reinterpretAsInts().sub(RND_F_BITS);
        FloatVector u = expPoly(d, t.sub(RND_F));
        IntVector h = q.lanewise(VectorOperators.ASHR, 1);
        FloatVector p1 = h.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector p2 = q.sub(h).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        u = u.mul(p1).mul(p2);
        return u.blend(0f, d.compare(VectorOperators.LT, -104f));
    }

    /** {@code exp(s)} for the reduced argument {@code s = d - qf * ln 2}, in [-ln2/2, ln2/2]. */
    private static FloatVector expPoly(FloatVector d, FloatVector qf) {
        FloatVector s = qf.fma(d.broadcast(-L2UF), d);
        s = qf.fma(d.broadcast(-L2LF), s);
        FloatVector u = s.fma(EF0, EF1);
        u = u.fma(s, d.broadcast(EF2));
        u = u.fma(s, d.broadcast(EF3));
        u = u.fma(s, d.broadcast(EF4));
        u = u.fma(s, d.broadcast(0.5f));
        return s.mul(s).fma(u, s).add(1f);
    }

    static FloatVector log(FloatVector d) {
        return logFinish(d, logMantissa(d), logExponent(d));
    }

    /** {@code d} (subnormals scaled by 2^64) divided by 2^e, in [0.75, 1.5). */
    private static FloatVector logMantissa(FloatVector d) {
        FloatVector dd = d.blend(d.mul(TWO64F), d.compare(VectorOperators.LT, Float.MIN_NORMAL));
        IntVector e = dd.mul(1.0f / 0.75f).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23).and(0xff).sub(0x7f);
        return dd.reinterpretAsInts().sub(e.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
    }

    /** The exponent e of {@link #logMantissa} as a float (minus 64 for scaled subnormals). */
    private static FloatVector logExponent(FloatVector d) {
        VectorMask<Float> o = d.compare(VectorOperators.LT, Float.MIN_NORMAL);
        FloatVector dd = d.blend(d.mul(TWO64F), o);
        IntVector e = dd.mul(1.0f / 0.75f).reinterpretAsInts().lanewise(VectorOperators.LSHR, 23).and(0xff).sub(0x7f);
        return e.add(RND_F_BITS).reinterpretAsFloats().sub(RND_F).sub(d.broadcast(0f).blend(64f, o));
    }

    /**
     * log over whole vectors of {@code x[xo..xo+n)} into {@code out}, in two loops through
     * {@code tmp} (3n): the whole log in one loop body is past C2's node budget for inlining
     * (NodeCountInliningCutoff), and a piece left out is a call with boxed vectors, 10x slower.
     */
    static void logArray(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        logPrepare(x, xo, n, tmp);
        logCombine(x, xo, out, oo, n, tmp);
    }

    /** e, and {@code (m - 1) / (m + 1)} as a double-float, into tmp[0..n), tmp[n..2n), tmp[2n..3n) (also for log2/log10). */
    static void logPrepare(float[] x, int xo, int n, float[] tmp) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector d = FloatVector.fromArray(FL, x, xo + i);
            FloatVector m = logMantissa(d);
            FloatVector t = d.broadcast(1f).div(m.add(1f));
            FloatVector xx = m.sub(1f).mul(t);
            logExponent(d).intoArray(tmp, i);
            xx.intoArray(tmp, n + i);
            logDivLo(m, t, xx).intoArray(tmp, 2 * n + i);
        }
    }

    private static void logCombine(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector d = FloatVector.fromArray(FL, x, xo + i);
            FloatVector ef = FloatVector.fromArray(FL, tmp, i);
            FloatVector xx = FloatVector.fromArray(FL, tmp, n + i);
            FloatVector xy = FloatVector.fromArray(FL, tmp, 2 * n + i);
            logSpecials(d, logSum(ef, xx, xy)).intoArray(out, oo + i);
        }
    }

    private static FloatVector logFinish(FloatVector d, FloatVector m, FloatVector ef) {
        FloatVector t = d.broadcast(1f).div(m.add(1f));
        FloatVector xx = m.sub(1f).mul(t);
        return logSpecials(d, logSum(ef, xx, logDivLo(m, t, xx)));
    }

    /** The low part of the double-float {@code (m - 1) / (m + 1)} whose high part is {@code xx}. */
    private static FloatVector logDivLo(FloatVector m, FloatVector t, FloatVector xx) {
        FloatVector nx = m.sub(1f);
        FloatVector nv = nx.add(1f);
        FloatVector ny = nx.sub(nv).neg().sub(1f).add(m.sub(nv));
        FloatVector dx = m.add(1f);
        FloatVector dv = dx.sub(1f);
        FloatVector dy = dx.sub(dv).neg().add(1f).add(m.sub(dv));
        FloatVector uu = t.fma(nx, xx.neg());
        FloatVector v = dy.neg().fma(t, dx.neg().fma(t, m.broadcast(1f)));
        return xx.fma(v, ny.fma(t, uu));
    }

    private static FloatVector logSum(FloatVector ef, FloatVector xx, FloatVector xy) {
        FloatVector sx = ef.mul(LNF_HI);
        FloatVector sy = ef.fma(ef.broadcast(LNF_LO), ef.fma(ef.broadcast(LNF_HI), sx.neg()));
        FloatVector x2 = xx.mul(xx);
        FloatVector p = x2.fma(LF2, LF1).fma(x2, ef.broadcast(LF0));
        FloatVector ax = xx.mul(2f);
        FloatVector s2 = sx.add(ax);
        FloatVector s2y = sx.sub(s2).add(ax).add(sy).add(xy.mul(2f));
        FloatVector b = x2.mul(xx).mul(p);
        FloatVector s3 = s2.add(b);
        return s3.add(s2.sub(s3).add(b).add(s2y));
    }

    static FloatVector logSpecials(FloatVector d, FloatVector r) {
        r = r.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        r = r.blend(Float.NaN, d.compare(VectorOperators.LT, 0f).or(d.compare(VectorOperators.NE, d)));
        return r.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, 0f));
    }

    // ------------------------------------------------------------------ double

    static DoubleVector exp(DoubleVector d) {
        DoubleVector t = d.mul(R_LN2).add(RND_D);
        DoubleVector qd = t.sub(RND_D);
        LongVector q = t.reinterpretAsLongs().sub(RND_D_BITS);
        DoubleVector s = qd.fma(d.broadcast(-L2U), d);
        s = qd.fma(d.broadcast(-L2L), s);
        DoubleVector s2 = s.mul(s);
        DoubleVector s4 = s2.mul(s2);
        DoubleVector lo = s.fma(E3, E2).fma(s2, s.fma(E1, E0));
        DoubleVector hi = s.fma(E7, E6).fma(s2, s.fma(E5, E4));
        DoubleVector u = s.fma(E9, E8).fma(s4.mul(s4), hi.fma(s4, lo));
        u = u.fma(s, d.broadcast(0.5));
        u = u.fma(s, d.broadcast(1.0));
        u = u.fma(s, d.broadcast(1.0));
        LongVector h = q.lanewise(VectorOperators.ASHR, 1);
        DoubleVector p1 = h.add(0x3ff).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector p2 = q.sub(h).add(0x3ff).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        u = u.mul(p1).mul(p2);
        u = u.blend(Double.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 709.78271114955742909217217426));
        return u.blend(0d, d.compare(VectorOperators.LT, -1000d));
    }

    static DoubleVector log(DoubleVector d) {
        return logFinish(d, logMantissa(d), logExponent(d));
    }

    private static DoubleVector logMantissa(DoubleVector d) {
        DoubleVector dd = d.blend(d.mul(TWO64), d.compare(VectorOperators.LT, Double.MIN_NORMAL));
        LongVector e = dd.mul(1.0 / 0.75).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 52).and(0x7ffL).sub(0x3ffL);
        return dd.reinterpretAsLongs().sub(e.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
    }

    private static DoubleVector logExponent(DoubleVector d) {
        VectorMask<Double> o = d.compare(VectorOperators.LT, Double.MIN_NORMAL);
        DoubleVector dd = d.blend(d.mul(TWO64), o);
        LongVector e = dd.mul(1.0 / 0.75).reinterpretAsLongs().lanewise(VectorOperators.LSHR, 52).and(0x7ffL).sub(0x3ffL);
        return e.add(RND_D_BITS).reinterpretAsDoubles().sub(RND_D).sub(d.broadcast(0d).blend(64d, o));
    }

    /**
     * log over whole vectors of {@code x[xo..xo+n)} into {@code out}, in two loops through
     * {@code tmp} (3n): the whole log in one loop body is past C2's node budget for inlining
     * (NodeCountInliningCutoff), and a piece left out is a call with boxed vectors, 10x slower.
     */
    static void logArray(double[] x, int xo, double[] out, int oo, int n, double[] tmp) {
        logPrepare(x, xo, n, tmp);
        logCombine(x, xo, out, oo, n, tmp);
    }

    private static void logPrepare(double[] x, int xo, int n, double[] tmp) {
        for (int i = 0; i < n; i += DL.length()) {
            DoubleVector d = DoubleVector.fromArray(DL, x, xo + i);
            DoubleVector m = logMantissa(d);
            DoubleVector t = d.broadcast(1d).div(m.add(1d));
            DoubleVector xx = m.sub(1d).mul(t);
            logExponent(d).intoArray(tmp, i);
            xx.intoArray(tmp, n + i);
            logDivLo(m, t, xx).intoArray(tmp, 2 * n + i);
        }
    }

    private static void logCombine(double[] x, int xo, double[] out, int oo, int n, double[] tmp) {
        for (int i = 0; i < n; i += DL.length()) {
            DoubleVector d = DoubleVector.fromArray(DL, x, xo + i);
            DoubleVector ef = DoubleVector.fromArray(DL, tmp, i);
            DoubleVector xx = DoubleVector.fromArray(DL, tmp, n + i);
            DoubleVector xy = DoubleVector.fromArray(DL, tmp, 2 * n + i);
            logSpecials(d, logSum(ef, xx, xy)).intoArray(out, oo + i);
        }
    }

    private static DoubleVector logFinish(DoubleVector d, DoubleVector m, DoubleVector ef) {
        DoubleVector t = d.broadcast(1d).div(m.add(1d));
        DoubleVector xx = m.sub(1d).mul(t);
        return logSpecials(d, logSum(ef, xx, logDivLo(m, t, xx)));
    }

    private static DoubleVector logDivLo(DoubleVector m, DoubleVector t, DoubleVector xx) {
        DoubleVector nx = m.sub(1d);
        DoubleVector nv = nx.add(1d);
        DoubleVector ny = nx.sub(nv).neg().sub(1d).add(m.sub(nv));
        DoubleVector dx = m.add(1d);
        DoubleVector dv = dx.sub(1d);
        DoubleVector dy = dx.sub(dv).neg().add(1d).add(m.sub(dv));
        DoubleVector uu = t.fma(nx, xx.neg());
        DoubleVector v = dy.neg().fma(t, dx.neg().fma(t, m.broadcast(1d)));
        return xx.fma(v, ny.fma(t, uu));
    }

    private static DoubleVector logSum(DoubleVector ef, DoubleVector xx, DoubleVector xy) {
        DoubleVector x2 = xx.mul(xx);
        DoubleVector x4 = x2.mul(x2);
        DoubleVector p = x4.fma(ef.broadcast(L6), x2.fma(L5, L4))
                .fma(x4.mul(x4), x2.fma(L3, L2).fma(x4, x2.fma(L1, L0)));
        DoubleVector sx = ef.mul(LN_HI);
        DoubleVector sy = ef.fma(ef.broadcast(LN_LO), ef.fma(ef.broadcast(LN_HI), sx.neg()));
        DoubleVector ax = xx.mul(2d);
        DoubleVector s2 = sx.add(ax);
        DoubleVector s2y = sx.sub(s2).add(ax).add(sy).add(xy.mul(2d));
        DoubleVector b = x2.mul(xx).mul(p);
        DoubleVector s3 = s2.add(b);
        return s3.add(s2.sub(s3).add(b).add(s2y));
    }

    private static DoubleVector logSpecials(DoubleVector d, DoubleVector r) {
        r = r.blend(Double.POSITIVE_INFINITY, d.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
        r = r.blend(Double.NaN, d.compare(VectorOperators.LT, 0d).or(d.compare(VectorOperators.NE, d)));
        return r.blend(Double.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, 0d));
    }
}
