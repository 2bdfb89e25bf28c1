package dev.jtorch.tensor.kernel;

/**
 * Elementwise maps over one strided row: {@code out[oo + i*os] = f(x[xo + i*xs], ...)} for
 * {@code i < n}. Implementations take a fast path when all strides are 1 (and, for binary
 * ops, when the second operand's stride is 0: a broadcast scalar).
 */
public interface ElementwiseKernels {
    void unary(UnaryOp op, float[] x, int xo, int xs, float[] out, int oo, int os, int n);

    void unary(UnaryOp op, double[] x, int xo, int xs, double[] out, int oo, int os, int n);

    void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os, int n);

    void binary(BinaryOp op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os, int n);
}
