package dev.jtorch.tensor.kernel;

import static dev.jtorch.tensor.kernel.VectorDoubleLoops.D;
import static dev.jtorch.tensor.kernel.VectorFloatLoops.F;

/**
 * Vector API {@link ElementwiseKernels}: rows whose output and tensor operands have stride 1
 * (broadcast scalars stride 0) run the SIMD loops of {@link VectorFloatLoops} and
 * {@link VectorDoubleLoops}; the scalar reference finishes the tail and takes strided rows and
 * the ops without a SIMD loop (floor/ceil/trunc/round, exp2/log2, fmod/remainder, floor and
 * trunc division, tensor clamp). erf and exact GELU run fdlibm's erf in a plain loop: a SIMD erf
 * (every interval evaluated and blended, about 1000 bytecodes in one loop) was 1.5x faster than
 * the scalar one when C2 compiled it well, but in a JVM that had run other kernels first C2
 * sometimes compiled it with its vectors boxed, 4-7x slower than scalar. Every loop has its {@code VectorOperators} constant written in
 * it ({@link VectorFloatLanewise}, {@link VectorDoubleLanewise}), so C2 sees a constant operator.
 */
final class VectorElementwise extends ScalarElementwise {
    /** Rows shorter than this go straight to the scalar reference. */
    private static final int LANES = Math.max(F.length(), D.length());

    static ElementwiseKernels create() {
        return new VectorElementwise();
    }

    private static boolean unit(int s) {
        return s == 0 || s == 1;
    }

    // A broadcast (stride-0) operand becomes a lane-sized array of its value read with index mask 0;
    // a stride-1 operand keeps its array and offset with mask -1 (see VectorFloatLoops.load).

    private static int mask(int stride) {
        return stride == 0 ? 0 : -1;
    }

    private static int off(int offset, int stride) {
        return stride == 0 ? 0 : offset;
    }

    private static float[] rep(float[] a, int off, int stride) {
        if (stride != 0) {
            return a;
        }
        float[] r = new float[F.length()];
        java.util.Arrays.fill(r, a[off]);
        return r;
    }

    private static double[] rep(double[] a, int off, int stride) {
        if (stride != 0) {
            return a;
        }
        double[] r = new double[D.length()];
        java.util.Arrays.fill(r, a[off]);
        return r;
    }

    private static byte[] rep(byte[] a, int off, int stride) {
        if (stride != 0) {
            return a;
        }
        byte[] r = new byte[Math.max(F.length(), D.length())];
        java.util.Arrays.fill(r, a[off]);
        return r;
    }

    // ---------------------------------------------------------------- float32

    @Override
    public void unary(UnaryOp op, double p, double q, float[] x, int xo, int xs, float[] out, int oo, int os, int n) {
        int i = xs == 1 && os == 1 ? unaryF(op, p, q, x, xo, out, oo, n) : 0;
        super.unary(op, p, q, x, xo + i * xs, xs, out, oo + i * os, os, n - i);
    }

    private static int unaryF(UnaryOp op, double p, double q, float[] x, int xo, float[] out, int oo, int n) {
        switch (op) {
            case NEG: return VectorFloatLanewise.negF(x, xo, out, oo, n);
            case ABS: return VectorFloatLanewise.absF(x, xo, out, oo, n);
            case SIGN: return VectorFloatLoops.sign(x, xo, out, oo, n);
            case RELU: return VectorFloatLoops.relu(x, xo, out, oo, n);
            case CLAMP: return VectorFloatLoops.clamp(x, xo, out, oo, n, (float) p, (float) q);
            case SQUARE: return VectorFloatLoops.square(x, xo, out, oo, n);
            case CUBE: return VectorFloatLoops.cube(x, xo, out, oo, n);
            case EXP: return VectorFloatLanewise.expF(x, xo, out, oo, n);
            case LOG: return VectorFloatLanewise.logF(x, xo, out, oo, n);
            case TANH: return VectorFloatLanewise.tanhF(x, xo, out, oo, n);
            case EXPM1: return VectorFloatLanewise.expm1F(x, xo, out, oo, n);
            case LOG1P: return VectorFloatLanewise.log1pF(x, xo, out, oo, n);
            case LOG2: return VectorFloatLanewise.log2F(x, xo, out, oo, n);
            case LOG10: return VectorFloatLanewise.log10F(x, xo, out, oo, n);
            case SQRT: return VectorFloatLanewise.sqrtF(x, xo, out, oo, n);
            case RSQRT: return VectorFloatLoops.rsqrt(x, xo, out, oo, n);
            case RECIPROCAL: return VectorFloatLoops.reciprocal(x, xo, out, oo, n);
            case RECIPROCAL_SQUARE: return VectorFloatLoops.reciprocalSquare(x, xo, out, oo, n);
            case SIGMOID: return VectorFloatLoops.sigmoid(x, xo, out, oo, UnaryOp.SIGMOID.vectorBody(1, 1, n));
            case ERF: return erfRow(x, xo, out, oo, n);
            case GELU: return geluRow(x, xo, out, oo, n);
            case SILU: return VectorFloatLoops.silu(x, xo, out, oo, UnaryOp.SILU.vectorBody(1, 1, n));
            case LEAKY_RELU: return VectorFloatLoops.leakyRelu(x, xo, out, oo, n, (float) p);
            default: return 0;
        }
    }

    @Override
    public void binary(BinaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n) {
        // add's fused SIMD part must end where PyTorch's does (BinaryOp.unfusedRange); 16 is a multiple of the lanes
        int[] unfused = BinaryOp.unfusedRange(op, as, bs, os, n, BinaryOp.ADD_BLOCK_FLOAT);
        int m = unfused == null ? n : unfused[0];
        int i = os == 1 && unit(as) && unit(bs) && m >= LANES ? binaryF(op, p, rep(a, ao, as), off(ao, as), mask(as),
                rep(b, bo, bs), off(bo, bs), mask(bs), out, oo, m) : 0;
        super.binary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    /** {@code am}/{@code bm} are index masks (see {@link #rep(float[], int, int)}). */
    private static int binaryF(BinaryOp op, double p, float[] a, int ao, int am, float[] b, int bo, int bm,
            float[] out, int oo, int n) {
        switch (op) {
            case ADD: {
                float alpha = (float) p;
                // fma(b, 1, a) == a + b and fma(b, -1, a) == a - b exactly
                if (alpha == 1f) {
                    return VectorFloatLanewise.addF(a, ao, am, b, bo, bm, out, oo, n);
                }
                if (alpha == -1f) {
                    return VectorFloatLanewise.subF(a, ao, am, b, bo, bm, out, oo, n);
                }
                return VectorFloatLoops.addScaled(a, ao, am, b, bo, bm, out, oo, n, alpha);
            }
            case MUL: return VectorFloatLanewise.mulF(a, ao, am, b, bo, bm, out, oo, n);
            case DIV: return VectorFloatLanewise.divF(a, ao, am, b, bo, bm, out, oo, n);
            case MAXIMUM: return VectorFloatLoops.maximum(a, ao, am, b, bo, bm, out, oo, n);
            case MINIMUM: return VectorFloatLoops.minimum(a, ao, am, b, bo, bm, out, oo, n);
            case LERP: return VectorFloatLoops.lerp(a, ao, am, b, bo, bm, out, oo, n, (float) p);
            default: return 0;
        }
    }

    @Override
    public void ternary(TernaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] c, int co, int cs, float[] out, int oo, int os, int n) {
        int i = 0;
        if (os == 1 && unit(as) && unit(bs) && unit(cs) && n >= LANES) {
            float[] ra = rep(a, ao, as);
            float[] rb = rep(b, bo, bs);
            float[] rc = rep(c, co, cs);
            int rao = off(ao, as);
            int rbo = off(bo, bs);
            int rco = off(co, cs);
            int am = mask(as);
            int bm = mask(bs);
            int cm = mask(cs);
            switch (op) {
                case ADDCMUL: i = VectorFloatLoops.addcmul(ra, rao, am, rb, rbo, bm, rc, rco, cm, out, oo, n, (float) p); break;
                case ADDCDIV: i = VectorFloatLoops.addcdiv(ra, rao, am, rb, rbo, bm, rc, rco, cm, out, oo, n, (float) p); break;
                case LERP: i = VectorFloatLoops.lerpTensor(ra, rao, am, rb, rbo, bm, rc, rco, cm, out, oo, n); break;
                default: break;
            }
        }
        super.ternary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, c, co + i * cs, cs, out, oo + i * os, os, n - i);
    }

    @Override
    public void compare(CompareOp op, float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int os, int n) {
        int i = 0;
        if (VectorFloatLoops.B != null && os == 1 && unit(as) && unit(bs) && n >= LANES) {
            float[] ra = rep(a, ao, as);
            float[] rb = rep(b, bo, bs);
            int rao = off(ao, as);
            int rbo = off(bo, bs);
            int am = mask(as);
            int bm = mask(bs);
            switch (op) {
                case EQ: i = VectorFloatLanewise.eqF(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case NE: i = VectorFloatLanewise.neF(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case LT: i = VectorFloatLanewise.ltF(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case LE: i = VectorFloatLanewise.leF(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case GT: i = VectorFloatLanewise.gtF(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                default: i = VectorFloatLanewise.geF(ra, rao, am, rb, rbo, bm, out, oo, n); break;
            }
        }
        super.compare(op, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    @Override
    public void where(byte[] cond, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n) {
        int i = VectorFloatLoops.B != null && os == 1 && unit(cs) && unit(as) && unit(bs) && n >= LANES
                ? VectorFloatLoops.where(rep(cond, co, cs), off(co, cs), mask(cs), rep(a, ao, as), off(ao, as), mask(as),
                        rep(b, bo, bs), off(bo, bs), mask(bs), out, oo, n) : 0;
        super.where(cond, co + i * cs, cs, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    /** erf of a contiguous float row, monomorphic (no per-element virtual call). */
    private static int erfRow(float[] x, int xo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = Erf.erf(x[xo + i]);
        }
        return n;
    }

    private static int geluRow(float[] x, int xo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            out[oo + i] = v * 0.5f * (1f + Erf.erf(v * UnaryOp.SQRT1_2_F));
        }
        return n;
    }

    private static int erfRow(double[] x, int xo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = Erf.erf(x[xo + i]);
        }
        return n;
    }

    private static int geluRow(double[] x, int xo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xo + i];
            out[oo + i] = v * 0.5d * (1d + Erf.erf(v * UnaryOp.SQRT1_2));
        }
        return n;
    }

    // ---------------------------------------------------------------- float64

    @Override
    public void unary(UnaryOp op, double p, double q, double[] x, int xo, int xs, double[] out, int oo, int os, int n) {
        int i = xs == 1 && os == 1 ? unaryD(op, p, q, x, xo, out, oo, n) : 0;
        super.unary(op, p, q, x, xo + i * xs, xs, out, oo + i * os, os, n - i);
    }

    private static int unaryD(UnaryOp op, double p, double q, double[] x, int xo, double[] out, int oo, int n) {
        switch (op) {
            case NEG: return VectorDoubleLanewise.negD(x, xo, out, oo, n);
            case ABS: return VectorDoubleLanewise.absD(x, xo, out, oo, n);
            case SIGN: return VectorDoubleLoops.sign(x, xo, out, oo, n);
            case RELU: return VectorDoubleLoops.relu(x, xo, out, oo, n);
            case CLAMP: return VectorDoubleLoops.clamp(x, xo, out, oo, n, p, q);
            case SQUARE: return VectorDoubleLoops.square(x, xo, out, oo, n);
            case CUBE: return VectorDoubleLoops.cube(x, xo, out, oo, n);
            case EXP: return VectorDoubleLanewise.expD(x, xo, out, oo, n);
            case LOG: return VectorDoubleLanewise.logD(x, xo, out, oo, n);
            case SQRT: return VectorDoubleLanewise.sqrtD(x, xo, out, oo, n);
            case RSQRT: return VectorDoubleLoops.rsqrt(x, xo, out, oo, n);
            case RECIPROCAL: return VectorDoubleLoops.reciprocal(x, xo, out, oo, n);
            case RECIPROCAL_SQUARE: return VectorDoubleLoops.reciprocalSquare(x, xo, out, oo, n);
            case SIGMOID: return VectorDoubleLoops.sigmoid(x, xo, out, oo, n);
            case ERF: return erfRow(x, xo, out, oo, n);
            case GELU: return geluRow(x, xo, out, oo, n);
            case SILU: return VectorDoubleLoops.silu(x, xo, out, oo, n);
            case LEAKY_RELU: return VectorDoubleLoops.leakyRelu(x, xo, out, oo, n, p);
            default: return 0;
        }
    }

    @Override
    public void binary(BinaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n) {
        int[] unfused = BinaryOp.unfusedRange(op, as, bs, os, n, BinaryOp.ADD_BLOCK_DOUBLE);
        int m = unfused == null ? n : unfused[0];
        int i = os == 1 && unit(as) && unit(bs) && m >= LANES ? binaryD(op, p, rep(a, ao, as), off(ao, as), mask(as),
                rep(b, bo, bs), off(bo, bs), mask(bs), out, oo, m) : 0;
        super.binary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    /** {@code am}/{@code bm} are index masks (see {@link #rep(float[], int, int)}). */
    private static int binaryD(BinaryOp op, double p, double[] a, int ao, int am, double[] b, int bo, int bm,
            double[] out, int oo, int n) {
        switch (op) {
            case ADD: {
                if (p == 1d) {
                    return VectorDoubleLanewise.addD(a, ao, am, b, bo, bm, out, oo, n);
                }
                if (p == -1d) {
                    return VectorDoubleLanewise.subD(a, ao, am, b, bo, bm, out, oo, n);
                }
                return VectorDoubleLoops.addScaled(a, ao, am, b, bo, bm, out, oo, n, p);
            }
            case MUL: return VectorDoubleLanewise.mulD(a, ao, am, b, bo, bm, out, oo, n);
            case DIV: return VectorDoubleLanewise.divD(a, ao, am, b, bo, bm, out, oo, n);
            case MAXIMUM: return VectorDoubleLoops.maximum(a, ao, am, b, bo, bm, out, oo, n);
            case MINIMUM: return VectorDoubleLoops.minimum(a, ao, am, b, bo, bm, out, oo, n);
            case LERP: return VectorDoubleLoops.lerp(a, ao, am, b, bo, bm, out, oo, n, p);
            default: return 0;
        }
    }

    @Override
    public void ternary(TernaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] c, int co, int cs, double[] out, int oo, int os, int n) {
        int i = 0;
        if (os == 1 && unit(as) && unit(bs) && unit(cs) && n >= LANES) {
            double[] ra = rep(a, ao, as);
            double[] rb = rep(b, bo, bs);
            double[] rc = rep(c, co, cs);
            int rao = off(ao, as);
            int rbo = off(bo, bs);
            int rco = off(co, cs);
            int am = mask(as);
            int bm = mask(bs);
            int cm = mask(cs);
            switch (op) {
                case ADDCMUL: i = VectorDoubleLoops.addcmul(ra, rao, am, rb, rbo, bm, rc, rco, cm, out, oo, n, p); break;
                case ADDCDIV: i = VectorDoubleLoops.addcdiv(ra, rao, am, rb, rbo, bm, rc, rco, cm, out, oo, n, p); break;
                case LERP: i = VectorDoubleLoops.lerpTensor(ra, rao, am, rb, rbo, bm, rc, rco, cm, out, oo, n); break;
                default: break;
            }
        }
        super.ternary(op, p, a, ao + i * as, as, b, bo + i * bs, bs, c, co + i * cs, cs, out, oo + i * os, os, n - i);
    }

    @Override
    public void compare(CompareOp op, double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int os, int n) {
        int i = 0;
        if (VectorDoubleLoops.B != null && os == 1 && unit(as) && unit(bs) && n >= LANES) {
            double[] ra = rep(a, ao, as);
            double[] rb = rep(b, bo, bs);
            int rao = off(ao, as);
            int rbo = off(bo, bs);
            int am = mask(as);
            int bm = mask(bs);
            switch (op) {
                case EQ: i = VectorDoubleLanewise.eqD(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case NE: i = VectorDoubleLanewise.neD(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case LT: i = VectorDoubleLanewise.ltD(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case LE: i = VectorDoubleLanewise.leD(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                case GT: i = VectorDoubleLanewise.gtD(ra, rao, am, rb, rbo, bm, out, oo, n); break;
                default: i = VectorDoubleLanewise.geD(ra, rao, am, rb, rbo, bm, out, oo, n); break;
            }
        }
        super.compare(op, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }

    @Override
    public void where(byte[] cond, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n) {
        int i = VectorDoubleLoops.B != null && os == 1 && unit(cs) && unit(as) && unit(bs) && n >= LANES
                ? VectorDoubleLoops.where(rep(cond, co, cs), off(co, cs), mask(cs), rep(a, ao, as), off(ao, as), mask(as),
                        rep(b, bo, bs), off(bo, bs), mask(bs), out, oo, n) : 0;
        super.where(cond, co + i * cs, cs, a, ao + i * as, as, b, bo + i * bs, bs, out, oo + i * os, os, n - i);
    }
}
