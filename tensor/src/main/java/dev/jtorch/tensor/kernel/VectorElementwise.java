package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link ElementwiseKernels}: contiguous rows (and a stride-0 second operand) run
 * SIMD with a scalar tail; anything else falls back to the scalar reference. Each op has its
 * own small loop so the {@code VectorOperators} constant is visible to C2 (a non-constant
 * operator is not intrinsified).
 */
final class VectorElementwise extends ScalarElementwise {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    static ElementwiseKernels create() {
        return new VectorElementwise();
    }

    @Override
    public void unary(UnaryOp op, float[] x, int xo, int xs, float[] out, int oo, int os, int n) {
        if (xs != 1 || os != 1) {
            super.unary(op, x, xo, xs, out, oo, os, n);
            return;
        }
        int i;
        switch (op) {
            case NEG: i = lanewise(VectorOperators.NEG, x, xo, out, oo, n); break;
            case ABS: i = lanewise(VectorOperators.ABS, x, xo, out, oo, n); break;
            case EXP: i = lanewise(VectorOperators.EXP, x, xo, out, oo, n); break;
            case LOG: i = lanewise(VectorOperators.LOG, x, xo, out, oo, n); break;
            case SQRT: i = lanewise(VectorOperators.SQRT, x, xo, out, oo, n); break;
            case RELU: i = relu(x, xo, out, oo, n); break;
            default: i = 0;
        }
        super.unary(op, x, xo + i, 1, out, oo + i, 1, n - i);
    }

    private static int lanewise(VectorOperators.Unary vop, float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i).lanewise(vop).intoArray(out, oo + i);
        }
        return i;
    }

    private static int relu(float[] x, int xo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector zero = FloatVector.zero(F);
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            // max(x, 0) would turn NaN into 0; PyTorch's relu keeps NaN, so blend on x > 0 or NaN.
            v.blend(zero, v.compare(VectorOperators.LE, 0f)).intoArray(out, oo + i);
        }
        return i;
    }

    @Override
    public void unary(UnaryOp op, double[] x, int xo, int xs, double[] out, int oo, int os, int n) {
        if (xs != 1 || os != 1) {
            super.unary(op, x, xo, xs, out, oo, os, n);
            return;
        }
        int i;
        switch (op) {
            case NEG: i = lanewise(VectorOperators.NEG, x, xo, out, oo, n); break;
            case ABS: i = lanewise(VectorOperators.ABS, x, xo, out, oo, n); break;
            case EXP: i = lanewise(VectorOperators.EXP, x, xo, out, oo, n); break;
            case LOG: i = lanewise(VectorOperators.LOG, x, xo, out, oo, n); break;
            case SQRT: i = lanewise(VectorOperators.SQRT, x, xo, out, oo, n); break;
            default: i = 0;
        }
        super.unary(op, x, xo + i, 1, out, oo + i, 1, n - i);
    }

    private static int lanewise(VectorOperators.Unary vop, double[] x, int xo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, x, xo + i).lanewise(vop).intoArray(out, oo + i);
        }
        return i;
    }

    @Override
    public void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os, int n) {
        if (as != 1 || os != 1 || (bs != 1 && bs != 0)) {
            super.binary(op, a, ao, as, b, bo, bs, out, oo, os, n);
            return;
        }
        int i;
        switch (op) {
            case ADD: i = bs == 1 ? lanewise(VectorOperators.ADD, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.ADD, a, ao, b[bo], out, oo, n); break;
            case SUB: i = bs == 1 ? lanewise(VectorOperators.SUB, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.SUB, a, ao, b[bo], out, oo, n); break;
            case MUL: i = bs == 1 ? lanewise(VectorOperators.MUL, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.MUL, a, ao, b[bo], out, oo, n); break;
            case DIV: i = bs == 1 ? lanewise(VectorOperators.DIV, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.DIV, a, ao, b[bo], out, oo, n); break;
            default: i = 0;
        }
        super.binary(op, a, ao + i, 1, b, bo + i * bs, bs, out, oo + i, 1, n - i);
    }

    private static int lanewise(VectorOperators.Binary vop, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).lanewise(vop, FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        return i;
    }

    private static int lanewise(VectorOperators.Binary vop, float[] a, int ao, float s, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector bv = FloatVector.broadcast(F, s);
        for (; i < bound; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).lanewise(vop, bv).intoArray(out, oo + i);
        }
        return i;
    }

    @Override
    public void binary(BinaryOp op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os, int n) {
        if (as != 1 || os != 1 || (bs != 1 && bs != 0)) {
            super.binary(op, a, ao, as, b, bo, bs, out, oo, os, n);
            return;
        }
        int i;
        switch (op) {
            case ADD: i = bs == 1 ? lanewise(VectorOperators.ADD, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.ADD, a, ao, b[bo], out, oo, n); break;
            case SUB: i = bs == 1 ? lanewise(VectorOperators.SUB, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.SUB, a, ao, b[bo], out, oo, n); break;
            case MUL: i = bs == 1 ? lanewise(VectorOperators.MUL, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.MUL, a, ao, b[bo], out, oo, n); break;
            case DIV: i = bs == 1 ? lanewise(VectorOperators.DIV, a, ao, b, bo, out, oo, n) : lanewise(VectorOperators.DIV, a, ao, b[bo], out, oo, n); break;
            default: i = 0;
        }
        super.binary(op, a, ao + i, 1, b, bo + i * bs, bs, out, oo + i, 1, n - i);
    }

    private static int lanewise(VectorOperators.Binary vop, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, a, ao + i).lanewise(vop, DoubleVector.fromArray(D, b, bo + i)).intoArray(out, oo + i);
        }
        return i;
    }

    private static int lanewise(VectorOperators.Binary vop, double[] a, int ao, double s, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector bv = DoubleVector.broadcast(D, s);
        for (; i < bound; i += D.length()) {
            DoubleVector.fromArray(D, a, ao + i).lanewise(vop, bv).intoArray(out, oo + i);
        }
        return i;
    }
}
