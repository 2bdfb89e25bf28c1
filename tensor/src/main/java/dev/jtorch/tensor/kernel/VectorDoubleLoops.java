package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 SIMD loops behind {@link VectorElementwise}. Each returns how many leading
 * elements it computed (a multiple of the lane count); the caller finishes the tail with the
 * scalar reference. Operands are stride 1, or broadcast scalars ({@link #load}). Every
 * {@code VectorOperators} constant is written in the loop that uses it (plain one-operator loops
 * live in the {@code Vector*Lanewise} classes), so C2 sees it as a constant.
 */
final class VectorDoubleLoops {
    private VectorDoubleLoops() {}

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Bytes with D's lane count, for bool results and conditions; null when no such shape exists. */
    static final VectorSpecies<Byte> B = D.length() >= 8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(D.length() * 8)) : null;

    /**
     * Lane block {@code i} of an operand: {@code mask} is -1 for a stride-1 operand, 0 for a
     * broadcast one ({@link VectorElementwise} then passes an array of the value repeated). No
     * branch: a vector chosen by a condition inside a loop is boxed by C2 on JDK 17.
     */
    private static DoubleVector load(double[] a, int off, int mask, int i) {
        return DoubleVector.fromArray(D, a, off + (i & mask));
    }

    // ---------------------------------------------------------------- unary

    /** {@code x op c}, e.g. x*x, 1/x. */
    static int square(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            v.mul(v).intoArray(out, oo + i);
        }
        return i;
    }

    static int cube(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            v.mul(v).mul(v).intoArray(out, oo + i);
        }
        return i;
    }

    static int reciprocal(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(D, 1d);
        for (; i < bound; i += D.length()) {
            one.div(DoubleVector.fromArray(D, x, xo + i)).intoArray(out, oo + i);
        }
        return i;
    }

    static int rsqrt(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(D, 1d);
        for (; i < bound; i += D.length()) {
            one.div(DoubleVector.fromArray(D, x, xo + i).lanewise(VectorOperators.SQRT)).intoArray(out, oo + i);
        }
        return i;
    }

    static int reciprocalSquare(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(D, 1d);
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            one.div(v.mul(v)).intoArray(out, oo + i);
        }
        return i;
    }

    static int sign(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector zero = DoubleVector.zero(D);
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector pos = zero.blend(1d, v.compare(VectorOperators.GT, 0d));
            pos.sub(zero.blend(1d, v.compare(VectorOperators.LT, 0d))).intoArray(out, oo + i);
        }
        return i;
    }

    /** relu on the bits, as {@link VectorFloatLoops#relu}: below zero and not NaN is [MIN_VALUE + 1, bits(-inf)] as a long. */
    static int relu(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            LongVector b = DoubleVector.fromArray(D, x, xo + i).reinterpretAsLongs();
            LongVector u = b.sub(Long.MIN_VALUE + 1);
            LongVector m = u.not().and(u.sub(0x7FF0000000000000L)).lanewise(VectorOperators.ASHR, 63);
            b.and(m.not()).reinterpretAsDoubles().intoArray(out, oo + i);
        }
        return i;
    }

    /** {@code x < lo ? lo : x}, then {@code hi < y ? hi : y}: relu is lo = 0, hi = +inf. */
    static int clamp(double[] x, int xo, double[] out, int oo, int n, double lo, double hi) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector lov = DoubleVector.broadcast(D, lo);
        DoubleVector hiv = DoubleVector.broadcast(D, hi);
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            DoubleVector y = v.blend(lov, v.compare(VectorOperators.LT, lov));
            y.blend(hiv, hiv.compare(VectorOperators.LT, y)).intoArray(out, oo + i);
        }
        return i;
    }

    static int leakyRelu(double[] x, int xo, double[] out, int oo, int n, double slope) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0d)).intoArray(out, oo + i);
        }
        return i;
    }

    static int sigmoid(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(D, 1d);
        for (; i < bound; i += D.length()) {
            DoubleVector e = VectorSleef.exp(DoubleVector.fromArray(D, x, xo + i).neg());
            one.div(one.add(e)).intoArray(out, oo + i);
        }
        return i;
    }

    static int silu(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector one = DoubleVector.broadcast(D, 1d);
        for (; i < bound; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
            v.div(one.add(VectorSleef.exp(v.neg()))).intoArray(out, oo + i);
        }
        return i;
    }

    // ---------------------------------------------------------------- binary

    /** {@code fma(b, alpha, a)}. */
    static int addScaled(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n, double alpha) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector al = DoubleVector.broadcast(D, alpha);
        for (; i < bound; i += D.length()) {
            load(b, bo, bs, i).fma(al, load(a, ao, as, i)).intoArray(out, oo + i);
        }
        return i;
    }

    /** NaN-propagating maximum keeping {@code a} on ties (+-0), as {@code std::max}. */
    static int maximum(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = load(a, ao, as, i);
            DoubleVector vb = load(b, bo, bs, i);
            VectorMask<Double> nan = va.test(VectorOperators.IS_NAN).or(vb.test(VectorOperators.IS_NAN));
            va.blend(vb, va.compare(VectorOperators.LT, vb)).blend(Double.NaN, nan).intoArray(out, oo + i);
        }
        return i;
    }

    /** NaN-propagating minimum keeping {@code a} on ties, as {@code std::min}. */
    static int minimum(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = load(a, ao, as, i);
            DoubleVector vb = load(b, bo, bs, i);
            VectorMask<Double> nan = va.test(VectorOperators.IS_NAN).or(vb.test(VectorOperators.IS_NAN));
            va.blend(vb, vb.compare(VectorOperators.LT, va)).blend(Double.NaN, nan).intoArray(out, oo + i);
        }
        return i;
    }

    static int lerp(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n, double w) {
        int bound = D.loopBound(n);
        int i = 0;
        boolean small = Math.abs(w) < 0.5d;
        DoubleVector coeff = DoubleVector.broadcast(D, small ? w : w - 1d);
        VectorMask<Double> fromA = D.maskAll(small);
        for (; i < bound; i += D.length()) {
            DoubleVector va = load(a, ao, as, i);
            DoubleVector vb = load(b, bo, bs, i);
            vb.sub(va).fma(coeff, vb.blend(va, fromA)).intoArray(out, oo + i);
        }
        return i;
    }

    // ---------------------------------------------------------------- ternary, compare, where

    static int addcmul(double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int cs,
            double[] out, int oo, int n, double v) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            load(b, bo, bs, i).mul(v).fma(load(c, co, cs, i), load(a, ao, as, i)).intoArray(out, oo + i);
        }
        return i;
    }

    static int addcdiv(double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int cs,
            double[] out, int oo, int n, double v) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            load(a, ao, as, i).add(load(b, bo, bs, i).mul(v).div(load(c, co, cs, i))).intoArray(out, oo + i);
        }
        return i;
    }

    static int lerpTensor(double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int cs,
            double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = load(a, ao, as, i);
            DoubleVector vb = load(b, bo, bs, i);
            DoubleVector w = load(c, co, cs, i);
            VectorMask<Double> small = w.abs().compare(VectorOperators.LT, 0.5d);
            DoubleVector coeff = w.sub(1d).blend(w, small);
            vb.sub(va).fma(coeff, vb.blend(va, small)).intoArray(out, oo + i);
        }
        return i;
    }

    static int where(byte[] cond, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            VectorMask<Double> m = ((DoubleVector) ByteVector.fromArray(B, cond, co + (i & cs)).convertShape(VectorOperators.B2D, D, 0))
                    .compare(VectorOperators.NE, 0d);
            load(b, bo, bs, i).blend(load(a, ao, as, i), m).intoArray(out, oo + i);
        }
        return i;
    }
}
