package dev.jtorch.tensor.kernel;

import static dev.jtorch.tensor.kernel.VectorDoubleLoops.D;
import static dev.jtorch.tensor.kernel.VectorFloatLoops.F;

import jdk.incubator.vector.VectorOperators;

/**
 * Vector API {@link ElementwiseKernels}: rows whose output and tensor operands have stride 1
 * (broadcast scalars stride 0) run the SIMD loops of {@link VectorFloatLoops} and
 * {@link VectorDoubleLoops}; the scalar reference finishes the tail and takes strided rows and
 * the ops without a SIMD loop (floor/ceil/trunc/round, exp2/log2, fmod/remainder, floor and
 * trunc division, tensor clamp). Each case passes its {@code VectorOperators} constant to a
 * small static loop, so C2 sees a constant operator.
 */
final class VectorElementwise extends ScalarElementwise {
    static ElementwiseKernels create() {
        return new VectorElementwise();
    }

    private static boolean unit(int s) {
        return s == 0 || s == 1;
    }

    // ---------------------------------------------------------------- float32

    @Override
    public void unary(UnaryOp op, double p, double q, float[] x, int xo, int xs, float[] out, int oo, int os, int n) {
        int i = xs == 1 && os == 1 ? unaryF(op, p, q, x, xo, out, oo, n) : 0;
        super.unary(op, p, q, x, xo + i * xs, xs, out, oo + i * os, os, n - i);
    }

    private static int unaryF(UnaryOp op, double p, double q, float[] x, int xo, float[] out, int oo, int n) {
        switch (op) {
            case NEG: return VectorFloatLoops.lanewise(VectorOperators.NEG, x, xo, out, oo, n);
            case ABS: return VectorFloatLoops.lanewise(VectorOperators.ABS, x, xo, out, oo, n);
            case SIGN: return VectorFloatLoops.sign(x, xo, out, oo, n);
            case RELU: return VectorFloatLoops.clamp(x, xo, out, oo, n, 0f, Float.POSITIVE_INFINITY);
            case CLAMP: return VectorFloatLoops.clamp(x, xo, out, oo, n, (float) p, (float) q);
            case SQUARE: return VectorFloatLoops.square(x, xo, out, oo, n);
            case CUBE: return VectorFloatLoops.cube(x, xo, out, oo, n);
            // the scalar reference raises to the double exponent; SVML's powf takes a float one
            case POW: return (float) p == p ? VectorFloatLoops.pow(x, xo, out, oo, n, (float) p) : 0;
            case EXP: return VectorFloatLoops.lanewise(VectorOperators.EXP, x, xo, out, oo, n);
            case EXPM1: return VectorFloatLoops.lanewise(VectorOperators.EXPM1, x, xo, out, oo, n);
            case LOG: return VectorFloatLoops.lanewise(VectorOperators.LOG, x, xo, out, oo, n);
            case LOG10: return VectorFloatLoops.lanewise(VectorOperators.LOG10, x, xo, out, oo, n);
            case LOG1P: return VectorFloatLoops.lanewise(VectorOperators.LOG1P, x, xo, out, oo, n);
            case SQRT: return VectorFloatLoops.lanewise(VectorOperators.SQRT, x, xo, out, oo, n);
            case RSQRT: return VectorFloatLoops.rsqrt(x, xo, out, oo, n);
            case RECIPROCAL: return VectorFloatLoops.reciprocal(x, xo, out, oo, n);
            case RECIPROCAL_SQUARE: return VectorFloatLoops.reciprocalSquare(x, xo, out, oo, n);
            case SIN: return VectorFloatLoops.lanewise(VectorOperators.SIN, x, xo, out, oo, n);
            case COS: return VectorFloatLoops.lanewise(VectorOperators.COS, x, xo, out, oo, n);
            case TAN: return VectorFloatLoops.lanewise(VectorOperators.TAN, x, xo, out, oo, n);
            case TANH: return VectorFloatLoops.lanewise(VectorOperators.TANH, x, xo, out, oo, n);
            case SIGMOID: return VectorFloatLoops.sigmoid(x, xo, out, oo, n);
            case ERF: return VectorFloatLoops.erf(x, xo, out, oo, n);
            case GELU: return VectorFloatLoops.gelu(x, xo, out, oo, n);
            case GELU_TANH: return VectorFloatLoops.geluTanh(x, xo, out, oo, n);
            case SILU: return VectorFloatLoops.silu(x, xo, out, oo, n);
            case SOFTPLUS: return VectorFloatLoops.softplus(x, xo, out, oo, n, (float) p, (float) q);
            case LEAKY_RELU: return VectorFloatLoops.leakyRelu(x, xo, out, oo, n, (float) p);
            case ELU: return VectorFloatLoops.elu(x, xo, out, oo, n, (float) p);
            default: return 0;
        }
    }

    @Override
    public void binary(BinaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n) {
        int i = os == 1 && unit(as) && unit(bs) ? binaryF(op, p, a, ao, as, b, bo, bs, out, oo, n) : 0;
        super.binary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    private static int binaryF(BinaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int n) {
        switch (op) {
            case ADD: {
                float alpha = (float) p;
                // fma(b, 1, a) == a + b and fma(b, -1, a) == a - b exactly
                if (alpha == 1f) {
                    return VectorFloatLoops.lanewise(VectorOperators.ADD, a, ao, as, b, bo, bs, out, oo, n);
                }
                if (alpha == -1f) {
                    return VectorFloatLoops.lanewise(VectorOperators.SUB, a, ao, as, b, bo, bs, out, oo, n);
                }
                return VectorFloatLoops.addScaled(a, ao, as, b, bo, bs, out, oo, n, alpha);
            }
            case MUL: return VectorFloatLoops.lanewise(VectorOperators.MUL, a, ao, as, b, bo, bs, out, oo, n);
            case DIV: return VectorFloatLoops.lanewise(VectorOperators.DIV, a, ao, as, b, bo, bs, out, oo, n);
            case POW: return VectorFloatLoops.lanewise(VectorOperators.POW, a, ao, as, b, bo, bs, out, oo, n);
            case ATAN2: return VectorFloatLoops.lanewise(VectorOperators.ATAN2, a, ao, as, b, bo, bs, out, oo, n);
            case MAXIMUM: return VectorFloatLoops.maxMin(true, a, ao, as, b, bo, bs, out, oo, n);
            case MINIMUM: return VectorFloatLoops.maxMin(false, a, ao, as, b, bo, bs, out, oo, n);
            case LERP: return VectorFloatLoops.lerp(a, ao, as, b, bo, bs, out, oo, n, (float) p);
            default: return 0;
        }
    }

    @Override
    public void ternary(TernaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] c, int co, int cs, float[] out, int oo, int os, int n) {
        int i = 0;
        if (os == 1 && unit(as) && unit(bs) && unit(cs)) {
            switch (op) {
                case ADDCMUL: i = VectorFloatLoops.addcmul(a, ao, as, b, bo, bs, c, co, cs, out, oo, n, (float) p); break;
                case ADDCDIV: i = VectorFloatLoops.addcdiv(a, ao, as, b, bo, bs, c, co, cs, out, oo, n, (float) p); break;
                case LERP: i = VectorFloatLoops.lerpTensor(a, ao, as, b, bo, bs, c, co, cs, out, oo, n); break;
                default: break;
            }
        }
        super.ternary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, c, co + i * cs, cs, out, oo + i * os, os, n - i);
    }

    @Override
    public void compare(CompareOp op, float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int os, int n) {
        int i = 0;
        if (VectorFloatLoops.B != null && os == 1 && unit(as) && unit(bs)) {
            switch (op) {
                case EQ: i = VectorFloatLoops.compare(VectorOperators.EQ, a, ao, as, b, bo, bs, out, oo, n); break;
                case NE: i = VectorFloatLoops.compare(VectorOperators.NE, a, ao, as, b, bo, bs, out, oo, n); break;
                case LT: i = VectorFloatLoops.compare(VectorOperators.LT, a, ao, as, b, bo, bs, out, oo, n); break;
                case LE: i = VectorFloatLoops.compare(VectorOperators.LE, a, ao, as, b, bo, bs, out, oo, n); break;
                case GT: i = VectorFloatLoops.compare(VectorOperators.GT, a, ao, as, b, bo, bs, out, oo, n); break;
                default: i = VectorFloatLoops.compare(VectorOperators.GE, a, ao, as, b, bo, bs, out, oo, n); break;
            }
        }
        super.compare(op, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    @Override
    public void where(byte[] cond, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n) {
        int i = VectorFloatLoops.B != null && os == 1 && unit(cs) && unit(as) && unit(bs)
                ? VectorFloatLoops.where(cond, co, cs, a, ao, as, b, bo, bs, out, oo, n) : 0;
        super.where(cond, co + i * cs, cs, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    // ---------------------------------------------------------------- float64

    @Override
    public void unary(UnaryOp op, double p, double q, double[] x, int xo, int xs, double[] out, int oo, int os, int n) {
        int i = xs == 1 && os == 1 ? unaryD(op, p, q, x, xo, out, oo, n) : 0;
        super.unary(op, p, q, x, xo + i * xs, xs, out, oo + i * os, os, n - i);
    }

    private static int unaryD(UnaryOp op, double p, double q, double[] x, int xo, double[] out, int oo, int n) {
        switch (op) {
            case NEG: return VectorDoubleLoops.lanewise(VectorOperators.NEG, x, xo, out, oo, n);
            case ABS: return VectorDoubleLoops.lanewise(VectorOperators.ABS, x, xo, out, oo, n);
            case SIGN: return VectorDoubleLoops.sign(x, xo, out, oo, n);
            case RELU: return VectorDoubleLoops.clamp(x, xo, out, oo, n, 0d, Double.POSITIVE_INFINITY);
            case CLAMP: return VectorDoubleLoops.clamp(x, xo, out, oo, n, p, q);
            case SQUARE: return VectorDoubleLoops.square(x, xo, out, oo, n);
            case CUBE: return VectorDoubleLoops.cube(x, xo, out, oo, n);
            case POW: return VectorDoubleLoops.pow(x, xo, out, oo, n, p);
            case EXP: return VectorDoubleLoops.lanewise(VectorOperators.EXP, x, xo, out, oo, n);
            case EXPM1: return VectorDoubleLoops.lanewise(VectorOperators.EXPM1, x, xo, out, oo, n);
            case LOG: return VectorDoubleLoops.lanewise(VectorOperators.LOG, x, xo, out, oo, n);
            case LOG10: return VectorDoubleLoops.lanewise(VectorOperators.LOG10, x, xo, out, oo, n);
            case LOG1P: return VectorDoubleLoops.lanewise(VectorOperators.LOG1P, x, xo, out, oo, n);
            case SQRT: return VectorDoubleLoops.lanewise(VectorOperators.SQRT, x, xo, out, oo, n);
            case RSQRT: return VectorDoubleLoops.rsqrt(x, xo, out, oo, n);
            case RECIPROCAL: return VectorDoubleLoops.reciprocal(x, xo, out, oo, n);
            case RECIPROCAL_SQUARE: return VectorDoubleLoops.reciprocalSquare(x, xo, out, oo, n);
            case SIN: return VectorDoubleLoops.lanewise(VectorOperators.SIN, x, xo, out, oo, n);
            case COS: return VectorDoubleLoops.lanewise(VectorOperators.COS, x, xo, out, oo, n);
            case TAN: return VectorDoubleLoops.lanewise(VectorOperators.TAN, x, xo, out, oo, n);
            case TANH: return VectorDoubleLoops.lanewise(VectorOperators.TANH, x, xo, out, oo, n);
            case SIGMOID: return VectorDoubleLoops.sigmoid(x, xo, out, oo, n);
            case ERF: return VectorDoubleLoops.erf(x, xo, out, oo, n);
            case GELU: return VectorDoubleLoops.gelu(x, xo, out, oo, n);
            case GELU_TANH: return VectorDoubleLoops.geluTanh(x, xo, out, oo, n);
            case SILU: return VectorDoubleLoops.silu(x, xo, out, oo, n);
            case SOFTPLUS: return VectorDoubleLoops.softplus(x, xo, out, oo, n, p, q);
            case LEAKY_RELU: return VectorDoubleLoops.leakyRelu(x, xo, out, oo, n, p);
            case ELU: return VectorDoubleLoops.elu(x, xo, out, oo, n, p);
            default: return 0;
        }
    }

    @Override
    public void binary(BinaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n) {
        int i = os == 1 && unit(as) && unit(bs) ? binaryD(op, p, a, ao, as, b, bo, bs, out, oo, n) : 0;
        super.binary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    private static int binaryD(BinaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int n) {
        switch (op) {
            case ADD: {
                if (p == 1d) {
                    return VectorDoubleLoops.lanewise(VectorOperators.ADD, a, ao, as, b, bo, bs, out, oo, n);
                }
                if (p == -1d) {
                    return VectorDoubleLoops.lanewise(VectorOperators.SUB, a, ao, as, b, bo, bs, out, oo, n);
                }
                return VectorDoubleLoops.addScaled(a, ao, as, b, bo, bs, out, oo, n, p);
            }
            case MUL: return VectorDoubleLoops.lanewise(VectorOperators.MUL, a, ao, as, b, bo, bs, out, oo, n);
            case DIV: return VectorDoubleLoops.lanewise(VectorOperators.DIV, a, ao, as, b, bo, bs, out, oo, n);
            case POW: return VectorDoubleLoops.lanewise(VectorOperators.POW, a, ao, as, b, bo, bs, out, oo, n);
            case ATAN2: return VectorDoubleLoops.lanewise(VectorOperators.ATAN2, a, ao, as, b, bo, bs, out, oo, n);
            case MAXIMUM: return VectorDoubleLoops.maxMin(true, a, ao, as, b, bo, bs, out, oo, n);
            case MINIMUM: return VectorDoubleLoops.maxMin(false, a, ao, as, b, bo, bs, out, oo, n);
            case LERP: return VectorDoubleLoops.lerp(a, ao, as, b, bo, bs, out, oo, n, p);
            default: return 0;
        }
    }

    @Override
    public void ternary(TernaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] c, int co, int cs, double[] out, int oo, int os, int n) {
        int i = 0;
        if (os == 1 && unit(as) && unit(bs) && unit(cs)) {
            switch (op) {
                case ADDCMUL: i = VectorDoubleLoops.addcmul(a, ao, as, b, bo, bs, c, co, cs, out, oo, n, p); break;
                case ADDCDIV: i = VectorDoubleLoops.addcdiv(a, ao, as, b, bo, bs, c, co, cs, out, oo, n, p); break;
                case LERP: i = VectorDoubleLoops.lerpTensor(a, ao, as, b, bo, bs, c, co, cs, out, oo, n); break;
                default: break;
            }
        }
        super.ternary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, c, co + i * cs, cs, out, oo + i * os, os, n - i);
    }

    @Override
    public void compare(CompareOp op, double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int os, int n) {
        int i = 0;
        if (VectorDoubleLoops.B != null && os == 1 && unit(as) && unit(bs)) {
            switch (op) {
                case EQ: i = VectorDoubleLoops.compare(VectorOperators.EQ, a, ao, as, b, bo, bs, out, oo, n); break;
                case NE: i = VectorDoubleLoops.compare(VectorOperators.NE, a, ao, as, b, bo, bs, out, oo, n); break;
                case LT: i = VectorDoubleLoops.compare(VectorOperators.LT, a, ao, as, b, bo, bs, out, oo, n); break;
                case LE: i = VectorDoubleLoops.compare(VectorOperators.LE, a, ao, as, b, bo, bs, out, oo, n); break;
                case GT: i = VectorDoubleLoops.compare(VectorOperators.GT, a, ao, as, b, bo, bs, out, oo, n); break;
                default: i = VectorDoubleLoops.compare(VectorOperators.GE, a, ao, as, b, bo, bs, out, oo, n); break;
            }
        }
        super.compare(op, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    @Override
    public void where(byte[] cond, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n) {
        int i = VectorDoubleLoops.B != null && os == 1 && unit(cs) && unit(as) && unit(bs)
                ? VectorDoubleLoops.where(cond, co, cs, a, ao, as, b, bo, bs, out, oo, n) : 0;
        super.where(cond, co + i * cs, cs, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }
}
