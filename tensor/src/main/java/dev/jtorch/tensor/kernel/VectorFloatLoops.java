package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 SIMD loops behind {@link VectorElementwise}. Each returns how many leading
 * elements it computed (a multiple of the lane count); the caller finishes the tail with the
 * scalar reference. Operands are stride 1, or broadcast scalars ({@link #load}). Every
 * {@code VectorOperators} constant is written in the loop that uses it (plain one-operator loops
 * live in the {@code Vector*Lanewise} classes), so C2 sees it as a constant.
 */
final class VectorFloatLoops {
    private VectorFloatLoops() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Bytes with F's lane count, for bool results and conditions; null when no such shape exists. */
    static final VectorSpecies<Byte> B = F.length() >= 8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(F.length() * 8)) : null;

    /**
     * Lane block {@code i} of an operand: {@code mask} is -1 for a stride-1 operand, 0 for a
     * broadcast one ({@link VectorElementwise} then passes an array of the value repeated). No
     * branch: a vector chosen by a condition inside a loop is boxed by C2 on JDK 17.
     */
    private static FloatVector load(float[] a, int off, int mask, int i) {
        return FloatVector.fromArray(F, a, off + (i & mask));
    }

    // ---------------------------------------------------------------- unary

    /** {@code x op c}, e.g. x*x, 1/x. */
    static int square(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            v.mul(v).intoArray(out, oo + i);
        }
        return i;
    }

    static int cube(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            v.mul(v).mul(v).intoArray(out, oo + i);
        }
        return i;
    }

    static int reciprocal(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (; i < bound; i += F.length()) {
            one.div(FloatVector.fromArray(F, x, xo + i)).intoArray(out, oo + i);
        }
        return i;
    }

    static int rsqrt(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (; i < bound; i += F.length()) {
            one.div(FloatVector.fromArray(F, x, xo + i).lanewise(VectorOperators.SQRT)).intoArray(out, oo + i);
        }
        return i;
    }

    static int reciprocalSquare(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            one.div(v.mul(v)).intoArray(out, oo + i);
        }
        return i;
    }

    static int sign(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector zero = FloatVector.zero(F);
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector pos = zero.blend(1f, v.compare(VectorOperators.GT, 0f));
            pos.sub(zero.blend(1f, v.compare(VectorOperators.LT, 0f))).intoArray(out, oo + i);
        }
        return i;
    }

    /**
     * relu, {@code x < 0 ? 0 : x} (NaN and -0.0 pass through), on the bits with integer lane ops and
     * no {@code compare}: in a JVM where other kernels ran first, C2 sometimes left this loop's
     * compares on the Vector API's Java fallback (FloatVector.bTest hot, relu 1K at 10+ us). A float
     * is below zero and not NaN exactly when its bits b, as a signed int, are in
     * [MIN_VALUE + 1, bits(-inf)]; u = b - (MIN_VALUE + 1) maps that range to [0, 0x7F7FFFFF], and
     * {@code (~u & (u - 0x7F800000)) >> 31} is all ones exactly there. Those lanes become +0.0.
     */
    static int relu(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            IntVector b = FloatVector.fromArray(F, x, xo + i).reinterpretAsInts();
            IntVector u = b.sub(Integer.MIN_VALUE + 1);
            IntVector m = u.not().and(u.sub(0x7F800000)).lanewise(VectorOperators.ASHR, 31);
            b.and(m.not()).reinterpretAsFloats().intoArray(out, oo + i);
        }
        return i;
    }

    /** {@code x < lo ? lo : x}, then {@code hi < y ? hi : y}: relu is lo = 0, hi = +inf. */
    static int clamp(float[] x, int xo, float[] out, int oo, int n, float lo, float hi) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector lov = FloatVector.broadcast(F, lo);
        FloatVector hiv = FloatVector.broadcast(F, hi);
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            FloatVector y = v.blend(lov, v.compare(VectorOperators.LT, lov));
            y.blend(hiv, hiv.compare(VectorOperators.LT, y)).intoArray(out, oo + i);
        }
        return i;
    }

    static int leakyRelu(float[] x, int xo, float[] out, int oo, int n, float slope) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(out, oo + i);
        }
        return i;
    }

    static int sigmoid(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (; i < bound; i += F.length()) {
            FloatVector e = VectorSleef.exp(FloatVector.fromArray(F, x, xo + i).neg());
            one.div(one.add(e)).intoArray(out, oo + i);
        }
        return i;
    }

    static int silu(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            v.div(one.add(VectorSleef.exp(v.neg()))).intoArray(out, oo + i);
        }
        return i;
    }

    // ---------------------------------------------------------------- binary

    /** {@code fma(b, alpha, a)}. */
    static int addScaled(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n, float alpha) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector al = FloatVector.broadcast(F, alpha);
        for (; i < bound; i += F.length()) {
            load(b, bo, bs, i).fma(al, load(a, ao, as, i)).intoArray(out, oo + i);
        }
        return i;
    }

    /** NaN-propagating maximum keeping {@code a} on ties (+-0), as {@code std::max}. */
    static int maximum(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = load(a, ao, as, i);
            FloatVector vb = load(b, bo, bs, i);
            VectorMask<Float> nan = va.test(VectorOperators.IS_NAN).or(vb.test(VectorOperators.IS_NAN));
            va.blend(vb, va.compare(VectorOperators.LT, vb)).blend(Float.NaN, nan).intoArray(out, oo + i);
        }
        return i;
    }

    /** NaN-propagating minimum keeping {@code a} on ties, as {@code std::min}. */
    static int minimum(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = load(a, ao, as, i);
            FloatVector vb = load(b, bo, bs, i);
            VectorMask<Float> nan = va.test(VectorOperators.IS_NAN).or(vb.test(VectorOperators.IS_NAN));
            va.blend(vb, vb.compare(VectorOperators.LT, va)).blend(Float.NaN, nan).intoArray(out, oo + i);
        }
        return i;
    }

    static int lerp(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n, float w) {
        int bound = F.loopBound(n);
        int i = 0;
        boolean small = Math.abs(w) < 0.5f;
        FloatVector coeff = FloatVector.broadcast(F, small ? w : w - 1f);
        VectorMask<Float> fromA = F.maskAll(small);
        for (; i < bound; i += F.length()) {
            FloatVector va = load(a, ao, as, i);
            FloatVector vb = load(b, bo, bs, i);
            vb.sub(va).fma(coeff, vb.blend(va, fromA)).intoArray(out, oo + i);
        }
        return i;
    }

    // ---------------------------------------------------------------- ternary, compare, where

    static int addcmul(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int cs,
            float[] out, int oo, int n, float v) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            load(b, bo, bs, i).mul(v).fma(load(c, co, cs, i), load(a, ao, as, i)).intoArray(out, oo + i);
        }
        return i;
    }

    static int addcdiv(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int cs,
            float[] out, int oo, int n, float v) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            load(a, ao, as, i).add(load(b, bo, bs, i).mul(v).div(load(c, co, cs, i))).intoArray(out, oo + i);
        }
        return i;
    }

    static int lerpTensor(float[] a, int ao, int as, float[] b, int bo, int bs, float[] c, int co, int cs,
            float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = load(a, ao, as, i);
            FloatVector vb = load(b, bo, bs, i);
            FloatVector w = load(c, co, cs, i);
            VectorMask<Float> small = w.abs().compare(VectorOperators.LT, 0.5f);
            FloatVector coeff = w.sub(1f).blend(w, small);
            vb.sub(va).fma(coeff, vb.blend(va, small)).intoArray(out, oo + i);
        }
        return i;
    }

    static int where(byte[] cond, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            VectorMask<Float> m = ((FloatVector) ByteVector.fromArray(B, cond, co + (i & cs)).convertShape(VectorOperators.B2F, F, 0))
                    .compare(VectorOperators.NE, 0f);
            load(b, bo, bs, i).blend(load(a, ao, as, i), m).intoArray(out, oo + i);
        }
        return i;
    }
}
