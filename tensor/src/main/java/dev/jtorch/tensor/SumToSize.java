package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
import dev.jtorch.tensor.kernel.Kernels;

/**
 * {@code Tensor.sum_to_size}: sums a broadcast result back to one of its inputs' shapes. This is
 * the single place where autograd undoes broadcasting.
 */
final class SumToSize {
    private SumToSize() {}

    static NDArray sumToSize(NDArray a, int[] target) {
        int[] shape = a.sizes();
        if (java.util.Arrays.equals(shape, target)) {
            return a;
        }
        if (!expandableTo(target, shape)) {
            throw new IllegalArgumentException("size {" + Shapes.str(target).replace("[", "").replace("]", "")
                    + "} is not expandable to size {" + Shapes.str(shape).replace("[", "").replace("]", "") + "}.");
        }
        NDArray out = NDArray.zeros(a.dtype(), target);
        // Walk the input; the output is addressed with stride 0 on every summed dim.
        NDArray outView = out.expand(shape);
        Object o = out.storage();
        Object x = a.storage();
        DType t = a.dtype();
        Loops.forEachRow(shape, new int[] {outView.offset(), a.offset()}, new int[][] {outView.strides(), a.strides()},
                (off, inc, n) -> {
                    int po = off[0];
                    int px = off[1];
                    switch (t) {
                        case FLOAT32: {
                            float[] of = (float[]) o;
                            float[] xf = (float[]) x;
                            if (inc[0] != 0) {
                                // a row of distinct output elements: the (vector) add kernel, same bits (fma(b, 1, a) == a + b)
                                Kernels.ELEMENTWISE.binary(BinaryOp.ADD, of, po, inc[0], xf, px, inc[1], of, po, inc[0], n);
                                break;
                            }
                            for (int i = 0; i < n; i++) {
                                of[po + i * inc[0]] += xf[px + i * inc[1]];
                            }
                            break;
                        }
                        case FLOAT64: {
                            double[] od = (double[]) o;
                            double[] xd = (double[]) x;
                            if (inc[0] != 0) {
                                Kernels.ELEMENTWISE.binary(BinaryOp.ADD, od, po, inc[0], xd, px, inc[1], od, po, inc[0], n);
                                break;
                            }
                            for (int i = 0; i < n; i++) {
                                od[po + i * inc[0]] += xd[px + i * inc[1]];
                            }
                            break;
                        }
                        default:
                            for (int i = 0; i < n; i++) {
                                int p = po + i * inc[0];
                                Convert.setLong(o, t, p, Convert.getLong(o, t, p) + Convert.getLong(x, t, px + i * inc[1]));
                            }
                    }
                });
        return out;
    }

    /** True when {@code small} broadcasts to {@code big}. */
    static boolean expandableTo(int[] small, int[] big) {
        if (small.length > big.length) {
            return false;
        }
        for (int i = 0; i < small.length; i++) {
            int s = small[small.length - 1 - i];
            int b = big[big.length - 1 - i];
            if (s != b && s != 1) {
                return false;
            }
        }
        return true;
    }
}
