package dev.jtorch.tensor;

/**
 * Argument checks and output sizes of the pooling ops, in the order and words of ATen's
 * {@code Pool.h} ({@code pooling_output_shape}, {@code pool2d_shape_check}), the meta functions
 * of {@code max_pool2d_with_indices} / {@code avg_pool2d} and {@code MaxPooling.h}.
 */
final class PoolShapes {
    private PoolShapes() {}

    /** A resolved 2-d pooling window: kernel, stride, padding, dilation (height, width), ceil mode. */
    record Window(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, boolean ceil) {}

    /** Planes ({@code N*C}), input and output plane sizes of one pooling call. */
    record Geometry(int planes, int iH, int iW, int oH, int oW) {}

    /** {@code pooling_output_shape_pad_lr}: the last window must start inside the input or the left padding. */
    static long outputSize(long in, long k, long pad, long stride, long dilation, boolean ceil) {
        long out = Math.floorDiv(in + 2 * pad - dilation * (k - 1) - 1 + (ceil ? stride - 1 : 0), stride) + 1;
        if (ceil && (out - 1) * stride >= in + pad) {
            out--;
        }
        return out;
    }

    /** {@code pooling_output_shape}: its own checks on stride and padding, then the size. */
    static long checkedOutputSize(long in, long k, long pad, long stride, long dilation, boolean ceil) {
        if (stride == 0) {
            throw new IllegalArgumentException("stride should not be zero");
        }
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be non-negative, but got pad: " + pad);
        }
        if (pad > ((k - 1) * dilation + 1) / 2) {
            throw new IllegalArgumentException("pad should be at most half of effective kernel size, but got pad="
                    + pad + ", kernel_size=" + k + " and dilation=" + dilation);
        }
        return outputSize(in, k, pad, stride, dilation, ceil);
    }

    /** The meta checks of {@code max_pool2d_with_indices}; stride may be empty (= kernel). */
    static Window maxPool2dWindow(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil) {
        check(kernel.length == 1 || kernel.length == 2,
                "max_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        check(stride.length <= 2, "max_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
        check(padding.length == 1 || padding.length == 2,
                "max_pool2d: padding must either be a single int, or a tuple of two ints");
        check(dilation.length == 1 || dilation.length == 2,
                "max_pool2d: dilation must be either a single int, or a tuple of two ints");
        int kH = kernel[0];
        int kW = kernel.length == 1 ? kH : kernel[1];
        int sH = stride.length == 0 ? kH : stride[0];
        int sW = stride.length == 0 ? kW : stride.length == 1 ? sH : stride[1];
        int pH = padding[0];
        int pW = padding.length == 1 ? pH : padding[1];
        int dH = dilation[0];
        int dW = dilation.length == 1 ? dH : dilation[1];
        return new Window(kH, kW, sH, sW, pH, pW, dH, dW, ceil);
    }

    /** The meta checks of {@code avg_pool2d} (dilation 1); stride may be empty (= kernel). */
    static Window avgPool2dWindow(int[] kernel, int[] stride, int[] padding, boolean ceil, Integer divisorOverride) {
        check(kernel.length == 1 || kernel.length == 2,
                "avg_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        check(stride.length <= 2, "avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
        check(padding.length == 1 || padding.length == 2,
                "avg_pool2d: padding must either be a single int, or a tuple of two ints");
        int kH = kernel[0];
        int kW = kernel.length == 1 ? kH : kernel[1];
        int sH = stride.length == 0 ? kH : stride[0];
        int sW = stride.length == 0 ? kW : stride.length == 1 ? sH : stride[1];
        int pH = padding[0];
        int pW = padding.length == 1 ? pH : padding[1];
        check(divisorOverride == null || divisorOverride != 0, "divisor must be not zero");
        return new Window(kH, kW, sH, sW, pH, pW, 1, 1, ceil);
    }

    /**
     * Output sizes and {@code pool2d_shape_check} for an input of rank 3 or 4 (the caller has
     * checked the rank where PyTorch does so first).
     */
    static Geometry geometry(int[] shape, Window w) {
        int nd = shape.length;
        long nPlane = shape[nd - 3];
        long iH = shape[nd - 2];
        long iW = shape[nd - 1];
        long oH = checkedOutputSize(iH, w.kH, w.pH, w.sH, w.dH, w.ceil);
        long oW = checkedOutputSize(iW, w.kW, w.pW, w.sW, w.dW, w.ceil);
        check(w.kW > 0 && w.kH > 0, "kernel size should be greater than zero, but got kH: " + w.kH + " kW: " + w.kW);
        check(w.sW > 0 && w.sH > 0, "stride should be greater than zero, but got dH: " + w.sH + " dW: " + w.sW);
        check(w.dH > 0 && w.dW > 0,
                "dilation should be greater than zero, but got dilationH: " + w.dH + " dilationW: " + w.dW);
        boolean validDims = shape[1] != 0 && shape[2] != 0;
        check((nd == 3 && shape[0] != 0 && validDims) || (nd == 4 && validDims && shape[3] != 0),
                "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
                        + Shapes.str(shape));
        check(w.kW / 2 >= w.pW && w.kH / 2 >= w.pH, "pad should be smaller than or equal to half of kernel size, but got padW = "
                + w.pW + ", padH = " + w.pH + ", kW = " + w.kW + ", kH = " + w.kH);
        check(oW >= 1 && oH >= 1, "Given input size: (" + nPlane + "x" + iH + "x" + iW + "). Calculated output size: ("
                + nPlane + "x" + oH + "x" + oW + "). Output size is too small");
        long planes = nd == 4 ? (long) shape[0] * nPlane : nPlane;
        return new Geometry((int) planes, (int) iH, (int) iW, (int) oH, (int) oW);
    }

    /** {@code check_max_pool1d}: the checks {@code torch.max_pool1d} makes before it pools. */
    static void checkMaxPool1d(int[] shape, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil) {
        int nd = shape.length;
        check((nd == 2 && shape[0] != 0 && shape[1] != 0) || (nd == 3 && shape[1] != 0 && shape[2] != 0),
                "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:"
                        + Shapes.str(shape));
        check(kernel.length == 1,
                "max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size "
                        + kernel.length);
        check(stride.length <= 1,
                "max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size "
                        + stride.length);
        check(padding.length == 1,
                "max_pool1d() padding must be an int, list of ints, or tuple of ints of size 1 but got size "
                        + padding.length);
        check(dilation.length == 1,
                "max_pool1d() dilation must be an int, list of ints or tuple of ints of size 1 but got size "
                        + dilation.length);
        int k = kernel[0];
        int s = stride.length == 0 ? k : stride[0];
        int p = padding[0];
        int d = dilation[0];
        check(k > 0, "max_pool1d() kernel_size must be greater than zero, but got " + k);
        check(s > 0, "max_pool1d() stride must be greater than zero, but got " + s);
        check(p >= 0, "max_pool1d() padding must be non-negative, but got " + p);
        check(p <= k / 2, "max_pool1d() padding should be at most half of kernel size, but got padding=" + p
                + " and kernel_size=" + k);
        check(d > 0, "max_pool1d() dilation must be greater than zero, but got " + d);
        long out = checkedOutputSize(shape[nd - 1], k, p, s, d, ceil);
        check(out > 0, "max_pool1d() Invalid computed output size: " + out);
    }

    /** {@code checkDimRange(fn, self, 2, 4)}: the rank check of the 1-d ops that go through 2-d. */
    static void checkRank2or3(int[] shape, String fn) {
        check(shape.length == 2 || shape.length == 3, "Expected 2 to 3 dimensions, but got " + shape.length
                + "-dimensional tensor for argument #1 'self' (while checking arguments for " + fn + ")");
    }

    /** {@code check1d(fn, arg, values)}: a 1-d op's int list must have one element. */
    static void check1d(String fn, String arg, int[] values) {
        check(values.length == 1, fn + "() argument '" + arg + "' should contain one int (got " + values.length + ")");
    }

    /** The checks of {@code adaptive_avg_pool2d} on output_size (made before the (1, 1) shortcut). */
    static void checkAdaptiveOutputSize(int[] outputSize) {
        check(outputSize.length == 2, "adaptive_avg_pool2d: output_size must be 2");
        check(outputSize[0] >= 0 && outputSize[1] >= 0,
                "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {"
                        + outputSize[0] + ", " + outputSize[1] + "}");
    }

    /** The input checks of {@code _adaptive_avg_pool2d}. */
    static void checkAdaptiveInput(int[] shape) {
        int nd = shape.length;
        check(nd == 3 || nd == 4, "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + Shapes.str(shape));
        for (int i = nd - 2; i < nd; i++) {
            check(shape[i] > 0, "adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, "
                    + "but input has sizes " + Shapes.str(shape) + " with dimension " + i + " being empty");
        }
    }

    /** The meta checks of {@code adaptive_max_pool2d}: rank, non-empty non-batch dims, two output sizes. */
    static void checkAdaptiveMax(int[] shape, int[] outputSize) {
        int nd = shape.length;
        check(nd == 3 || nd == 4, "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: " + Shapes.str(shape));
        for (int i = 1; i < nd; i++) {
            check(shape[i] > 0, "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, "
                    + "but input has sizes " + Shapes.str(shape) + " with dimension " + i + " being empty");
        }
        check(outputSize.length == 2, "adaptive_max_pool2d(): internal error: output_size.size() must be 2");
        if (outputSize[0] < 0 || outputSize[1] < 0) {
            int[] out = shape.clone();
            out[nd - 2] = outputSize[0];
            out[nd - 1] = outputSize[1];
            throw new IllegalArgumentException("Trying to create tensor with negative dimension "
                    + (outputSize[0] < 0 ? outputSize[0] : outputSize[1]) + ": " + Shapes.str(out));
        }
    }

    /** {@code start_index(a, b, c)} of AdaptivePooling.h: {@code floor(a * c / b)}. */
    static int startIndex(int a, int b, int c) {
        return (int) ((long) a * c / b);
    }

    /** {@code end_index(a, b, c)} of AdaptivePooling.h: {@code ceil((a + 1) * c / b)}. */
    static int endIndex(int a, int b, int c) {
        return (int) (((long) (a + 1) * c + b - 1) / b);
    }

    /** The floating dtypes the pooling kernels run on; others raise PyTorch's dispatch error. */
    static void checkFloating(NDArray x, String kernel) {
        checkDtype(x, kernel, false);
    }

    /**
     * Float32, float64 and (where ATen's kernel dispatches integers too) int64; others raise PyTorch's
     * dispatch error, naming the {@code _channels_last} kernel for a 4-d input ATen would treat as
     * channels-last.
     */
    static void checkDtype(NDArray x, String kernel, boolean int64) {
        if (x.dtype() != DType.FLOAT32 && x.dtype() != DType.FLOAT64 && !(int64 && x.dtype() == DType.INT64)) {
            String name = channelsLast(x) ? kernel + "_channels_last" : kernel;
            throw new IllegalArgumentException("\"" + name + "\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
    }

    /** c10's {@code is_channels_last_strides_2d} for a 4-d array: strides ordered C, W, H, N from the fastest. */
    static boolean channelsLast(NDArray x) {
        if (x.dim() != 4 || x.strideAt(1) == 0) {
            return false;
        }
        long min = 0;
        for (int d : new int[] {1, 3, 2, 0}) {
            if (x.sizeAt(d) == 0 || x.strideAt(d) < min || (d == 0 && min == x.strideAt(1))) {
                return false;
            }
            min = x.strideAt(d);
            if (x.sizeAt(d) > 1) {
                min *= x.sizeAt(d);
            }
        }
        return true;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
