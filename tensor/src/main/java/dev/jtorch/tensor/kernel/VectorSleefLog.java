package dev.jtorch.tensor.kernel;

import static dev.jtorch.tensor.kernel.SleefMath.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SleefMath#log1p(float)}, {@code log10} and {@code log2} lane by lane from exactly rounded lanewise operations, the same
 * bits as the scalar port; two loops through {@code tmp} (3n), as {@link VectorSleef#logArray}.
 */
final class VectorSleefLog {
    private VectorSleefLog() {}

    private static final VectorSpecies<Float> FL = FloatVector.SPECIES_PREFERRED;

    /** {@link SleefMath#log10(float)} over whole vectors, through tmp (3n) as {@link VectorSleef#logArray}. */
    static void log10Array(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        VectorSleef.logPrepare(x, xo, n, tmp);
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector d = FloatVector.fromArray(FL, x, xo + i);
            FloatVector ef = FloatVector.fromArray(FL, tmp, i);
            FloatVector xx = FloatVector.fromArray(FL, tmp, n + i);
            FloatVector xy = FloatVector.fromArray(FL, tmp, 2 * n + i);
            FloatVector x2 = xx.mul(xx);
            FloatVector t = x2.fma(L10P2, L10P1).fma(x2, d.broadcast(L10P0));
            FloatVector sx = ef.mul(L10_HI);
            FloatVector sy = ef.fma(ef.broadcast(L10_LO), ef.fma(ef.broadcast(L10_HI), sx.neg()));
            FloatVector px = xx.mul(L10E_HI);
            FloatVector py = xx.fma(xx.broadcast(L10E_LO), xy.fma(xx.broadcast(L10E_HI), xx.fma(xx.broadcast(L10E_HI), px.neg())));
            FloatVector rx = sx.add(px);
            FloatVector ry = sx.sub(rx).add(px).add(sy).add(py);
            FloatVector b = x2.mul(xx).mul(t);
            FloatVector r2 = rx.add(b);
            VectorSleef.logSpecials(d, r2.add(rx.sub(r2).add(b).add(ry))).intoArray(out, oo + i);
        }
    }

    /** {@link SleefMath#log2(float)} over whole vectors, through tmp (3n) as {@link VectorSleef#logArray}. */
    static void log2Array(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        VectorSleef.logPrepare(x, xo, n, tmp);
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector d = FloatVector.fromArray(FL, x, xo + i);
            FloatVector ef = FloatVector.fromArray(FL, tmp, i);
            FloatVector xx = FloatVector.fromArray(FL, tmp, n + i);
            FloatVector xy = FloatVector.fromArray(FL, tmp, 2 * n + i);
            FloatVector x2 = xx.mul(xx);
            FloatVector t = x2.fma(L2P2, L2P1).fma(x2, d.broadcast(L2P0));
            FloatVector px = xx.mul(L2E_HI);
            FloatVector py = xx.fma(xx.broadcast(L2E_LO), xy.fma(xx.broadcast(L2E_HI), xx.fma(xx.broadcast(L2E_HI), px.neg())));
            FloatVector sx = ef.add(px);
            FloatVector v = sx.sub(ef);
            FloatVector sy = ef.sub(sx.sub(v)).add(px.sub(v)).add(py);
            FloatVector b = x2.mul(xx).mul(t);
            FloatVector s2 = sx.add(b);
            v = s2.sub(sx);
            FloatVector s2y = sx.sub(s2.sub(v)).add(b.sub(v)).add(sy);
            VectorSleef.logSpecials(d, s2.add(s2y)).intoArray(out, oo + i);
        }
    }

    static void log1pArray(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        log1pPrepare(x, xo, n, tmp);
        log1pCombine(x, xo, out, oo, n, tmp);
    }

    /** e into tmp[0..n), {@code m / (2 + m)} as a double-float into tmp[n..2n) and tmp[2n..3n). */
    private static void log1pPrepare(float[] x, int xo, int n, float[] tmp) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector d = FloatVector.fromArray(FL, x, xo + i);
            IntVector ei = d.add(1f).mul(1.0f / 0.75f).reinterpretAsInts()
                    .lanewise(VectorOperators.LSHR, 23).and(0xff).sub(0x7f);
            FloatVector t = IntVector.broadcast(IntVector.SPECIES_PREFERRED, 0x3f800000)
                    .sub(ei.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
            FloatVector m = d.fma(t, t.sub(1f));
            FloatVector dx = m.add(2f);
            FloatVector dy = dx.neg().add(2f).add(m);
            FloatVector r = d.broadcast(1f).div(dx);
            FloatVector qx = m.mul(r);
            FloatVector u = r.fma(m, qx.neg());
            FloatVector qy = dy.neg().fma(r, dx.neg().fma(r, d.broadcast(1f)));
            qy = qx.fma(qy, d.broadcast(0f).fma(r, u));
            ei.add(RND_F_BITS).reinterpretAsFloats().sub(RND_F).intoArray(tmp, i);
            qx.intoArray(tmp, n + i);
            qy.intoArray(tmp, 2 * n + i);
        }
    }

    private static void log1pCombine(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector d = FloatVector.fromArray(FL, x, xo + i);
            FloatVector e = FloatVector.fromArray(FL, tmp, i);
            FloatVector qx = FloatVector.fromArray(FL, tmp, n + i);
            FloatVector qy = FloatVector.fromArray(FL, tmp, 2 * n + i);
            FloatVector x2 = qx.mul(qx);
            FloatVector t = x2.fma(L1P2, L1P1).fma(x2, d.broadcast(L1P0));
            FloatVector sx = e.mul(LNF_HI);
            FloatVector sy = e.fma(e.broadcast(LNF_LO), e.fma(e.broadcast(LNF_HI), sx.neg()));
            FloatVector ax = qx.mul(2f);
            FloatVector s2 = sx.add(ax);
            FloatVector s2y = sx.sub(s2).add(ax).add(sy).add(qy.mul(2f));
            FloatVector b = x2.mul(qx).mul(t);
            FloatVector s3 = s2.add(b);
            FloatVector r = s3.add(s2.sub(s3).add(b).add(s2y));
            r = r.blend(Float.NaN, d.compare(VectorOperators.LT, -1f));
            r = r.blend(Float.NEGATIVE_INFINITY, d.compare(VectorOperators.EQ, -1f));
            boolean huge = d.compare(VectorOperators.GT, 1e38f).anyTrue();
            if (huge) {
                d.intoArray(tmp, i); // consumed already; out may be x (in place)
            }
            // log1p(+0) computes +0; -0 must stay -0: both are d itself
            r.blend(d, d.compare(VectorOperators.EQ, 0f)).intoArray(out, oo + i);
            if (huge) {
                logOfHuge(tmp, i, out, oo + i);
            }
        }
    }

    /** SLEEF's log1pf takes logf above 1e38 (rare: one scalar pass over the vector's lanes). */
    private static void logOfHuge(float[] d, int di, float[] out, int oo) {
        for (int j = 0; j < FL.length(); j++) {
            if (d[di + j] > 1e38f) {
                out[oo + j] = SleefMath.log(d[di + j]);
            }
        }
    }
}
