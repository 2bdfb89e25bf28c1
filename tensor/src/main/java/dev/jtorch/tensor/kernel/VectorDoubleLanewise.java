package dev.jtorch.tensor.kernel;

import static dev.jtorch.tensor.kernel.VectorDoubleLoops.D;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * One float64 SIMD loop per plain {@code VectorOperators} op and dtype, with the operator written in
 * the loop. A shared loop taking the operator as a parameter gets compiled on its own (its loop
 * is what is hot), sees a non-constant operator and is not intrinsified: measured 5-20x slower.
 * Each loop returns how many leading elements it computed; binary operands come with an index
 * mask, -1 for stride 1 and 0 for a broadcast value repeated in a lane-sized array.
 * Generated shape, kept flat on purpose; {@link VectorFloatLanewise} has the float32 twins.
 */
final class VectorDoubleLanewise {
    private VectorDoubleLanewise() {}

    /** Elements per pass of the two-loop log (a multiple of every lane count). */
    private static final int LOG_BLOCK = 1024;

    // ---------------------------------------------------------------- double

    static int negD(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xo + i).lanewise(VectorOperators.NEG).intoArray(out, oo + i);
        }
        return i;
    }

    static int absD(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xo + i).lanewise(VectorOperators.ABS).intoArray(out, oo + i);
        }
        return i;
    }

    static int expD(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            VectorSleef.exp(DoubleVector.fromArray(D, x, xo + i)).intoArray(out, oo + i);
        }
        return i;
    }

    static int logD(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        double[] tmp = new double[3 * Math.min(bound, LOG_BLOCK)];
        for (int i = 0; i < bound; i += LOG_BLOCK) {
            VectorSleef.logArray(x, xo + i, out, oo + i, Math.min(LOG_BLOCK, bound - i), tmp);
        }
        return bound;
    }

    static int sqrtD(double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xo + i).lanewise(VectorOperators.SQRT).intoArray(out, oo + i);
        }
        return i;
    }

    static int addD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            va.lanewise(VectorOperators.ADD, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int subD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            va.lanewise(VectorOperators.SUB, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int mulD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            va.lanewise(VectorOperators.MUL, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int divD(double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            va.lanewise(VectorOperators.DIV, vb).intoArray(out, oo + i);
        }
        return i;
    }

    static int eqD(double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            VectorMask<Double> m = va.compare(VectorOperators.EQ, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .convertShape(VectorOperators.L2B, VectorDoubleLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int neD(double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            VectorMask<Double> m = va.compare(VectorOperators.NE, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .convertShape(VectorOperators.L2B, VectorDoubleLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int ltD(double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            VectorMask<Double> m = va.compare(VectorOperators.LT, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .convertShape(VectorOperators.L2B, VectorDoubleLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int leD(double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            VectorMask<Double> m = va.compare(VectorOperators.LE, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .convertShape(VectorOperators.L2B, VectorDoubleLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int gtD(double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            VectorMask<Double> m = va.compare(VectorOperators.GT, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .convertShape(VectorOperators.L2B, VectorDoubleLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }

    static int geD(double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector va = DoubleVector.fromArray(D, a, ao + (i & as));
            DoubleVector vb = DoubleVector.fromArray(D, b, bo + (i & bs));
            VectorMask<Double> m = va.compare(VectorOperators.GE, vb);
            // mask -> -1.0 lanes -> sign bit -> bytes 0/1 (VectorMask.cast, F2B are not intrinsified on JDK 17)
            ((ByteVector) m.toVector().reinterpretAsLongs().lanewise(VectorOperators.LSHR, 63)
                    .convertShape(VectorOperators.L2B, VectorDoubleLoops.B, 0)).intoArray(out, oo + i);
        }
        return i;
    }
}
