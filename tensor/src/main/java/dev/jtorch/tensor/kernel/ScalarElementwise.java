package dev.jtorch.tensor.kernel;

/** The scalar reference for {@link ElementwiseKernels}: plain loops over the op definitions, any strides. */
public class ScalarElementwise implements ElementwiseKernels {
    @Override
    public void unary(UnaryOp op, double p, double q, float[] x, int xo, int xs, float[] out, int oo, int os, int n) {
        int body = op.vectorBody(xs, os, n);
        if (body < n || op == UnaryOp.SIGMOID || op == UnaryOp.SILU) {
            // a tail from VectorElementwise is shorter than a block, so it is all scalar lambda, as in PyTorch
            // PyTorch's vector body and scalar tail differ for these (UnaryOp.vectorBody)
            for (int i = 0; i < body; i++) {
                out[oo + i * os] = op.applyVectorBody(x[xo + i * xs], p, q);
            }
            for (int i = body; i < n; i++) {
                out[oo + i * os] = op.apply(x[xo + i * xs], p, q);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(x[xo + i * xs], p, q);
        }
    }

    @Override
    public void unary(UnaryOp op, double p, double q, double[] x, int xo, int xs, double[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(x[xo + i * xs], p, q);
        }
    }

    @Override
    public void binary(BinaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n) {
        int[] unfused = BinaryOp.unfusedRange(op, as, bs, os, n, BinaryOp.ADD_BLOCK_FLOAT);
        int from = unfused == null ? n : unfused[0];
        int to = unfused == null ? n : unfused[1];
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = i >= from && i < to ? BinaryOp.addUnfused(a[ao + i], b[bo], p)
                    : op.apply(a[ao + i * as], b[bo + i * bs], p);
        }
    }

    @Override
    public void binary(BinaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n) {
        int[] unfused = BinaryOp.unfusedRange(op, as, bs, os, n, BinaryOp.ADD_BLOCK_DOUBLE);
        int from = unfused == null ? n : unfused[0];
        int to = unfused == null ? n : unfused[1];
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = i >= from && i < to ? BinaryOp.addUnfused(a[ao + i], b[bo], p)
                    : op.apply(a[ao + i * as], b[bo + i * bs], p);
        }
    }

    @Override
    public void ternary(TernaryOp op, double p, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] c, int co, int cs, float[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(a[ao + i * as], b[bo + i * bs], c[co + i * cs], p);
        }
    }

    @Override
    public void ternary(TernaryOp op, double p, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] c, int co, int cs, double[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.apply(a[ao + i * as], b[bo + i * bs], c[co + i * cs], p);
        }
    }

    @Override
    public void compare(CompareOp op, float[] a, int ao, int as, float[] b, int bo, int bs, byte[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.test(a[ao + i * as], b[bo + i * bs]) ? (byte) 1 : (byte) 0;
        }
    }

    @Override
    public void compare(CompareOp op, double[] a, int ao, int as, double[] b, int bo, int bs, byte[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = op.test(a[ao + i * as], b[bo + i * bs]) ? (byte) 1 : (byte) 0;
        }
    }

    @Override
    public void where(byte[] cond, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = cond[co + i * cs] != 0 ? a[ao + i * as] : b[bo + i * bs];
        }
    }

    @Override
    public void where(byte[] cond, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs,
            double[] out, int oo, int os, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i * os] = cond[co + i * cs] != 0 ? a[ao + i * as] : b[bo + i * bs];
        }
    }
}
