package dev.jtorch.tensor.kernel;

import static dev.jtorch.tensor.kernel.VectorFloatLoops.F;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * One float32 SIMD loop per plain {@code VectorOperators} op and dtype, with the operator written in
 * the loop. A shared loop taking the operator as a parameter gets compiled on its own (its loop
 * is what is hot), sees a non-constant operator and is not intrinsified: measured 5-20x slower.
 * Each loop returns how many leading elements it computed; binary operands come with an index
 * mask, -1 for stride 1 and 0 for a broadcast value repeated in a lane-sized array.
 * Generated shape, kept flat on purpose.
 */
final class VectorFloatLanewise {
    private VectorFloatLanewise() {}

    /** Elements per pass of the multi-loop log and tanh (a multiple of every lane count). */
    private static final int LOG_BLOCK = 1024;
    /**
     * Elements per pass of the multi-loop SLEEF functions (tanh, expm1, log1p, log2, log10): the
     * passes' {@code tmp} (3 floats per element) stays in L1. Until C2 has compiled the passes
     * (boxed vectors cost ~1-2.5 us per element before) callers take the scalar port instead;
     * {@link SleefWarmup} compiles them on a background thread.
     */
    static final int MULTI_PASS_BLOCK = 128;
    /**
     * Rows shorter than this take the scalar port of those functions (a monomorphic loop, as before
     * the warm-up): the vector loops are passes over {@code tmp}, not worth setting up for one or two vectors.
     */
    static final int MULTI_PASS_MIN = 64;

    // ---------------------------------------------------------------- float

    static int negF(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i).lanewise(VectorOperators.NEG).intoArray(out, oo + i);
        }
        return i;
    }

    static int absF(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i).lanewise(VectorOperators.ABS).intoArray(out, oo + i);
        }
        return i;
    }

    static int expF(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            VectorSleef.exp(FloatVector.fromArray(F, x, xo + i)).intoArray(out, oo + i);
        }
        return i;
    }

    static int logF(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        float[] tmp = new float[3 * Math.min(bound, LOG_BLOCK)];
        for (int i = 0; i < bound; i += LOG_BLOCK) {
            VectorSleef.logArray(x, xo + i, out, oo + i, Math.min(LOG_BLOCK, bound - i), tmp);
        }
        return bound;
    }

    static int tanhF(float[] x, int xo, float[] out, int oo, int n) {
        if (n < MULTI_PASS_MIN || !SleefWarmup.ready(SleefWarmup.HYP)) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = SleefMath.tanh(x[xo + i]);
            }
            return n;
        }
        int bound = F.loopBound(n);
        float[] tmp = new float[3 * Math.min(bound, MULTI_PASS_BLOCK)];
        for (int i = 0; i < bound; i += MULTI_PASS_BLOCK) {
            VectorSleefHyp.tanhArray(x, xo + i, out, oo + i, Math.min(MULTI_PASS_BLOCK, bound - i), tmp);
        }
        return bound;
    }

    static int expm1F(float[] x, int xo, float[] out, int oo, int n) {
        if (n < MULTI_PASS_MIN || !SleefWarmup.ready(SleefWarmup.HYP)) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = SleefMath.expm1(x[xo + i]);
            }
            return n;
        }
        int bound = F.loopBound(n);
        float[] tmp = new float[3 * Math.min(bound, MULTI_PASS_BLOCK)];
        for (int i = 0; i < bound; i += MULTI_PASS_BLOCK) {
            VectorSleefHyp.expm1Array(x, xo + i, out, oo + i, Math.min(MULTI_PASS_BLOCK, bound - i), tmp);
        }
        return bound;
    }

    static int log1pF(float[] x, int xo, float[] out, int oo, int n) {
        if (n < MULTI_PASS_MIN || !SleefWarmup.ready(SleefWarmup.LOG)) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = SleefMath.log1p(x[xo + i]);
            }
            return n;
        }
        int bound = F.loopBound(n);
        float[] tmp = new float[3 * Math.min(bound, MULTI_PASS_BLOCK)];
        for (int i = 0; i < bound; i += MULTI_PASS_BLOCK) {
            VectorSleefLog.log1pArray(x, xo + i, out, oo + i, Math.min(MULTI_PASS_BLOCK, bound - i), tmp);
        }
        return bound;
    }

    static int log10F(float[] x, int xo, float[] out, int oo, int n) {
        if (n < MULTI_PASS_MIN || !SleefWarmup.ready(SleefWarmup.LOG)) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = SleefMath.log10(x[xo + i]);
            }
            return n;
        }
        int bound = F.loopBound(n);
        float[] tmp = new float[3 * Math.min(bound, MULTI_PASS_BLOCK)];
        for (int i = 0; i < bound; i += MULTI_PASS_BLOCK) {
            VectorSleefLog.log10Array(x, xo + i, out, oo + i, Math.min(MULTI_PASS_BLOCK, bound - i), tmp);
        }
        return bound;
    }

    static int log2F(float[] x, int xo, float[] out, int oo, int n) {
        if (n < MULTI_PASS_MIN || !SleefWarmup.ready(SleefWarmup.LOG)) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = SleefMath.log2(x[xo + i]);
            }
            return n;
        }
        int bound = F.loopBound(n);
        float[] tmp = new float[3 * Math.min(bound, MULTI_PASS_BLOCK)];
        for (int i = 0; i < bound; i += MULTI_PASS_BLOCK) {
            VectorSleefLog.log2Array(x, xo + i, out, oo + i, Math.min(MULTI_PASS_BLOCK, bound - i), tmp);
        }
        return bound;
    }

    static int sqrtF(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i).lanewise(VectorOperators.SQRT).intoArray(out, oo + i);
        }
        return i;
    }

    static int addF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            va.lanewise(VectorOperators.ADD, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int subF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            va.lanewise(VectorOperators.SUB, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int mulF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            va.lanewise(VectorOperators.MUL, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int divF(float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            va.lanewise(VectorOperators.DIV, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int eqF(float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            VectorMask<Float> m = va.compare(VectorOperators.EQ, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsInts().lanewise(VectorOperators.LSHR, 31)
                    .convertShape(VectorOperators.I2B, VectorFloatLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int neF(float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            VectorMask<Float> m = va.compare(VectorOperators.NE, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsInts().lanewise(VectorOperators.LSHR, 31)
                    .convertShape(VectorOperators.I2B, VectorFloatLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int ltF(float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            VectorMask<Float> m = va.compare(VectorOperators.LT, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsInts().lanewise(VectorOperators.LSHR, 31)
                    .convertShape(VectorOperators.I2B, VectorFloatLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int leF(float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            VectorMask<Float> m = va.compare(VectorOperators.LE, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsInts().lanewise(VectorOperators.LSHR, 31)
                    .convertShape(VectorOperators.I2B, VectorFloatLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int gtF(float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            VectorMask<Float> m = va.compare(VectorOperators.GT, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsInts().lanewise(VectorOperators.LSHR, 31)
                    .convertShape(VectorOperators.I2B, VectorFloatLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int geF(float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector va = FloatVector.fromArray(F, a, ao + (i & as));
            FloatVector vb = FloatVector.fromArray(F, b, bo + (i & bs));
            VectorMask<Float> m = va.compare(VectorOperators.GE, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsInts().lanewise(VectorOperators.LSHR, 31)
                    .convertShape(VectorOperators.I2B, VectorFloatLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }
}
