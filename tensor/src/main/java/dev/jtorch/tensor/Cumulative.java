package dev.jtorch.tensor;

/**
 * {@code torch.cumsum} and {@code torch.cumprod} along one dim. Integral and bool inputs give
 * int64; floats accumulate in double and round each output, as PyTorch's CPU kernel does
 * ({@code acc_type<float, false>} is double). When the dim is not innermost, a whole row of
 * running totals is updated per step, so memory is read in order.
 */
final class Cumulative {
    private Cumulative() {}

    static NDArray cumulate(NDArray x, int dim, boolean prod) {
        int d = Shapes.wrapDim(dim, x.dim());
        DType t = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        NDArray c = x.to(t).contiguous();
        NDArray out = NDArray.empty(t, x.sizes());
        if (x.numel() == 0) {
            return out;
        }
        int size = x.dim() == 0 ? 1 : x.sizeAt(d);
        int inner = 1;
        for (int i = d + 1; i < x.dim(); i++) {
            inner *= x.sizeAt(i);
        }
        int outer = x.numel() / (size * inner);
        int co = c.offset();
        Object src = c.storage();
        Object dst = out.storage();
        for (int b = 0; b < outer; b++) {
            int base = b * size * inner;
            switch (t) {
                case FLOAT32: lines((float[]) src, co + base, (float[]) dst, base, size, inner, prod); break;
                case FLOAT64: lines((double[]) src, co + base, (double[]) dst, base, size, inner, prod); break;
                default: lines((long[]) src, co + base, (long[]) dst, base, size, inner, prod);
            }
        }
        return out;
    }

    /** Cumulates {@code inner} interleaved lines of {@code size} elements, {@code inner} apart. */
    private static void lines(float[] x, int xo, float[] out, int oo, int size, int inner, boolean prod) {
        double[] acc = new double[inner];
        java.util.Arrays.fill(acc, prod ? 1 : 0);
        for (int i = 0; i < size; i++) {
            int xr = xo + i * inner;
            int or = oo + i * inner;
            for (int j = 0; j < inner; j++) {
                acc[j] = prod ? acc[j] * x[xr + j] : acc[j] + x[xr + j];
                out[or + j] = (float) acc[j];
            }
        }
    }

    private static void lines(double[] x, int xo, double[] out, int oo, int size, int inner, boolean prod) {
        double[] acc = new double[inner];
        java.util.Arrays.fill(acc, prod ? 1 : 0);
        for (int i = 0; i < size; i++) {
            int xr = xo + i * inner;
            int or = oo + i * inner;
            for (int j = 0; j < inner; j++) {
                acc[j] = prod ? acc[j] * x[xr + j] : acc[j] + x[xr + j];
                out[or + j] = acc[j];
            }
        }
    }

    private static void lines(long[] x, int xo, long[] out, int oo, int size, int inner, boolean prod) {
        long[] acc = new long[inner];
        java.util.Arrays.fill(acc, prod ? 1 : 0);
        for (int i = 0; i < size; i++) {
            int xr = xo + i * inner;
            int or = oo + i * inner;
            for (int j = 0; j < inner; j++) {
                acc[j] = prod ? acc[j] * x[xr + j] : acc[j] + x[xr + j];
                out[or + j] = acc[j];
            }
        }
    }
}
