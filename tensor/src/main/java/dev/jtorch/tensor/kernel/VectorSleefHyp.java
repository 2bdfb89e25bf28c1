package dev.jtorch.tensor.kernel;

import static dev.jtorch.tensor.kernel.SleefMath.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SleefMath#tanh(float)} lane by lane from exactly rounded lanewise operations, the same
 * bits as the scalar port. Three loops over a block through {@code tmp} (4n): SLEEF's
 * {@code expk2f} and the double-float division in one loop body are far past C2's node budget for
 * inlining, and a method left out is a call with boxed vectors (see {@link VectorSleef#logArray}).
 */
final class VectorSleefHyp {
    private VectorSleefHyp() {}

    private static final VectorSpecies<Float> FL = FloatVector.SPECIES_PREFERRED;

    /** tanh over whole vectors of {@code x[xo..xo+n)} into {@code out}. */
    static void tanhArray(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        expk2Reduce(x, xo, n, tmp, true);
        expk2Poly(n, tmp);
        tanhCombine(x, xo, out, oo, n, tmp);
    }

    /** {@link SleefMath#expm1(float)} over whole vectors of {@code x[xo..xo+n)} into {@code out}. */
    static void expm1Array(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        expk2Reduce(x, xo, n, tmp, false);
        expk2Poly(n, tmp);
        expm1Combine(x, xo, out, oo, n, tmp);
    }

    /**
     * {@code s = y - q ln2} as a double-float into tmp[0..n) and tmp[n..2n), {@code q + 1.5*2^23} into
     * tmp[2n..3n), for y = |x| or x.
     */
    private static void expk2Reduce(float[] x, int xo, int n, float[] tmp, boolean abs) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector y = FloatVector.fromArray(FL, x, xo + i);
            if (abs) {
                y = y.lanewise(VectorOperators.ABS);
            }
            FloatVector t = y.mul(R_LN2F).add(RND_F);
            FloatVector qf = t.sub(RND_F);
            FloatVector a = qf.mul(-L2UF);
            FloatVector sx = y.add(a);
            FloatVector v = sx.sub(y);
            FloatVector sy = y.sub(sx.sub(v)).add(a.sub(v));
            FloatVector b = qf.mul(-L2LF);
            FloatVector s2x = sx.add(b);
            v = s2x.sub(sx);
            sx.sub(s2x.sub(v)).add(b.sub(v)).add(sy).intoArray(tmp, n + i);
            s2x.intoArray(tmp, i);
            t.intoArray(tmp, 2 * n + i);
        }
    }

    /** {@code 1 + s + s^2 P(s)} (double-float, before scaling by 2^q) in place of s. */
    private static void expk2Poly(int n, float[] tmp) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector sx = FloatVector.fromArray(FL, tmp, i);
            FloatVector sy = FloatVector.fromArray(FL, tmp, n + i);
            FloatVector p = sx.fma(EK0, EK1).fma(sx, sx.broadcast(EK2)).fma(sx, sx.broadcast(EK3));
            FloatVector tx = sx.mul(p);
            FloatVector ty = sy.fma(p, sx.fma(p, tx.neg()));
            FloatVector rx = tx.add(EK4);
            FloatVector v = rx.sub(tx);
            FloatVector ry = tx.sub(rx.sub(v)).add(v.neg().add(EK4)).add(ty);
            tx = sx.mul(rx);
            ty = sx.fma(ry, sy.fma(rx, sx.fma(rx, tx.neg())));
            rx = tx.add(0.5f);
            v = rx.sub(tx);
            ry = tx.sub(rx.sub(v)).add(v.neg().add(0.5f)).add(ty);
            FloatVector qx = sx.mul(sx);
            FloatVector qy = sx.add(sx).fma(sy, sx.fma(sx, qx.neg()));
            FloatVector mx = qx.mul(rx);
            FloatVector my = qx.fma(ry, qy.fma(rx, qx.fma(rx, mx.neg())));
            tx = sx.add(mx);
            v = tx.sub(sx);
            ty = sx.sub(tx.sub(v)).add(mx.sub(v)).add(sy.add(my));
            FloatVector ex = tx.add(1f);
            ex.intoArray(tmp, i);
            ex.neg().add(1f).add(tx).add(ty).intoArray(tmp, n + i);
        }
    }

    private static void tanhCombine(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector xv = FloatVector.fromArray(FL, x, xo + i);
            IntVector q = FloatVector.fromArray(FL, tmp, 2 * n + i).reinterpretAsInts().sub(RND_F_BITS);
            FloatVector p1 = pow2Half(q);
            FloatVector p2 = pow2Rest(q);
            FloatVector dx = FloatVector.fromArray(FL, tmp, i).mul(p1).mul(p2);
            FloatVector dy = FloatVector.fromArray(FL, tmp, n + i).mul(p1).mul(p2);
            tanhFinish(xv, dx, dy).intoArray(out, oo + i);
        }
    }

    private static void expm1Combine(float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        for (int i = 0; i < n; i += FL.length()) {
            FloatVector a = FloatVector.fromArray(FL, x, xo + i);
            IntVector q = FloatVector.fromArray(FL, tmp, 2 * n + i).reinterpretAsInts().sub(RND_F_BITS);
            FloatVector p1 = pow2Half(q);
            FloatVector p2 = pow2Rest(q);
            FloatVector dx = FloatVector.fromArray(FL, tmp, i).mul(p1).mul(p2);
            FloatVector dy = FloatVector.fromArray(FL, tmp, n + i).mul(p1).mul(p2);
            FloatVector rx = dx.sub(1f);
            FloatVector v = rx.sub(dx);
            FloatVector ry = dx.sub(rx.sub(v)).add(v.neg().sub(1f)).add(dy);
            FloatVector r = rx.add(ry);
            r = r.blend(Float.POSITIVE_INFINITY, a.compare(VectorOperators.GT, EXPM1_MAXF));
            r = r.blend(-1f, a.compare(VectorOperators.LT, EXPM1_MINF));
            // expm1(+0) computes +0; -0 must stay -0: both are a itself
            r.blend(a, a.compare(VectorOperators.EQ, 0f)).intoArray(out, oo + i);
        }
    }

    /** {@code 2^(q >> 1)}: with {@link #pow2Rest} SLEEF's {@code vldexp2} factors. */
    private static FloatVector pow2Half(IntVector q) {
        return q.lanewise(VectorOperators.ASHR, 1).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    private static FloatVector pow2Rest(IntVector q) {
        return q.sub(q.lanewise(VectorOperators.ASHR, 1)).add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /** {@link SleefMath#tanhFinish}: {@code (d - 1/d) / (d + 1/d)} and the special cases. */
    private static FloatVector tanhFinish(FloatVector x, FloatVector dx, FloatVector dy) {
        FloatVector one = x.broadcast(1f);
        FloatVector rx = one.div(dx);
        FloatVector ry = rx.mul(dy.neg().fma(rx, dx.neg().fma(rx, one)));
        FloatVector nx = dx.sub(rx);
        FloatVector ny = dx.sub(nx).sub(rx).add(dy).sub(ry);
        FloatVector mx = dx.add(rx);
        FloatVector my = dx.sub(mx).add(rx).add(dy).add(ry);
        FloatVector t = one.div(mx);
        FloatVector qx = nx.mul(t);
        FloatVector u = t.fma(nx, qx.neg());
        FloatVector qy = my.neg().fma(t, mx.neg().fma(t, one));
        FloatVector y = qx.add(qx.fma(qy, ny.fma(t, u)));
        y = y.blend(1f, x.lanewise(VectorOperators.ABS).compare(VectorOperators.GT, TANH_MAXF).or(y.compare(VectorOperators.NE, y)));
        y = y.reinterpretAsInts().lanewise(VectorOperators.XOR, x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
        return y.blend(Float.NaN, x.compare(VectorOperators.NE, x));
    }
}
