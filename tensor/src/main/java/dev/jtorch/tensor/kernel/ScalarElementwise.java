package dev.jtorch.tensor.kernel;

/** The scalar reference for {@link ElementwiseKernels}: plain loops, any strides. */
public class ScalarElementwise implements ElementwiseKernels {
    @Override
    public void unary(UnaryOp op, float[] x, int xo, int xs, float[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(x[xo + i * xs]);
        }
    }

    @Override
    public void unary(UnaryOp op, double[] x, int xo, int xs, double[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(x[xo + i * xs]);
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(a[ao + i * as], b[bo + i * bs]);
        }
    }

    @Override
    public void binary(BinaryOp op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(a[ao + i * as], b[bo + i * bs]);
        }
    }
}
