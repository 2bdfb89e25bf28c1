package dev.jtorch.tensor.kernel;

/**
 * Elementwise maps over one strided row: {@code out[oo + i*os] = f(x[xo + i*xs], ...)} for
 * {@code i < n}. Operands are read at their own offset and stride (stride 0 broadcasts one
 * value); the output may alias an input exactly (in-place ops). Implementations take a fast path
 * when the output and the tensor operands have stride 1 and the others stride 0.
 *
 * <p>Scalar parameters ({@code p}, {@code q}) are doubles, as PyTorch's {@code Scalar}; each op
 * rounds them to the dtype where PyTorch does ({@code scalar.to<scalar_t>()}).
 */
public interface ElementwiseKernels {
    void unary(UnaryOp op, double p, double q, float[] x, int xo, int xs, float[] out, int oo, int os, int n);

    void unary(UnaryOp op, double p, double q, double[] x, int xo, int xs, double[] out, int oo, int os, int n);

    void binary(BinaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n);

    void binary(BinaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n);

    void ternary(TernaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] c, int co, int cs, float[] out, int oo, int os, int n);

    void ternary(TernaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] c, int co, int cs, double[] out, int oo, int os, int n);

    /** {@code out = a op b} as 0/1 bytes. */
    void compare(CompareOp op, float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int os, int n);

    void compare(CompareOp op, double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int os, int n);

    /** {@code out = cond != 0 ? a : b}. */
    void where(byte[] cond, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n);

    void where(byte[] cond, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n);

    /** A parameterless unary op. */
    default void unary(UnaryOp op, float[] x, int xo, int xs, float[] out, int oo, int os, int n) {
        unary(op, 0, 0, x, xo, xs, out, oo, os, n);
    }

    default void unary(UnaryOp op, double[] x, int xo, int xs, double[] out, int oo, int os, int n) {
        unary(op, 0, 0, x, xo, xs, out, oo, os, n);
    }

    /** A binary op with parameter 1 (alpha = 1 for {@link BinaryOp#ADD}). */
    default void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os, int n) {
        binary(op, 1, a, ao, as, b, bo, bs, out, oo, os, n);
    }

    default void binary(BinaryOp op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os, int n) {
        binary(op, 1, a, ao, as, b, bo, bs, out, oo, os, n);
    }
}
