package dev.jtorch.tensor;

/**
 * ATen's argument checks for convolutions, in ATen's order and words ({@code Convolution.cpp}:
 * {@code check_shape_forward}, {@code check_input_same_type_as_parameters};
 * {@code ConvUtils.h}/{@code NaiveConvolutionTranspose2d.cpp} for the transposed output size).
 */
final class ConvChecks {
    private ConvChecks() {}

    /** {@code check_shape_forward}, then the dtype checks. Parameters are already expanded to one per dim. */
    static void check(NDArray input, NDArray weight, NDArray bias, int[] s, int[] p, int[] d, int[] op,
                      boolean transposed, int groups) {
        for (int v : p) {
            if (v < 0) {
                throw new IllegalArgumentException("negative padding is not supported");
            }
        }
        for (int v : op) {
            if (v < 0) {
                throw new IllegalArgumentException("negative output_padding is not supported");
            }
        }
        for (int v : s) {
            if (v <= 0) {
                throw new IllegalArgumentException("non-positive stride is not supported");
            }
        }
        for (int v : d) {
            if (v <= 0) {
                throw new IllegalArgumentException("dilation should be greater than zero, but got "
                        + java.util.Arrays.toString(d));
            }
        }
        int k = input.dim();
        int[] ws = weight.sizes();
        String wStr = Shapes.str(ws);
        if (ws.length != k) {
            throw new IllegalArgumentException("Expected " + ws.length + "-dimensional input for " + ws.length
                    + "-dimensional weight " + wStr + ", but got " + k + "-dimensional input of size "
                    + Shapes.str(input.sizes()) + " instead");
        }
        if (ws[0] < groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be at least " + groups
                    + " at dimension 0, but got weight of size " + wStr + " instead");
        }
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size [" + wStr + "] instead"); // sic: ATen's brackets
        }
        if (!transposed) {
            checkForward(input, ws, bias, p, d, groups);
        } else {
            if (input.sizeAt(1) != ws[0]) {
                throw new IllegalArgumentException("Given transposed=1, weight of size " + wStr + ", expected input"
                        + Shapes.str(input.sizes()) + " to have " + ws[0] + " channels, but got " + input.sizeAt(1)
                        + " channels instead");
            }
            if (bias != null && (bias.dim() != 1 || bias.sizeAt(0) != ws[1] * groups)) {
                throw new IllegalArgumentException("Given transposed=1, weight of size " + wStr
                        + ", expected bias to be 1-dimensional with " + ws[1] * groups + " elements"
                        + ", but got bias of size " + Shapes.str(bias.sizes()) + " instead");
            }
        }
        checkDtypes(input, weight, bias);
    }

    private static void checkForward(NDArray input, int[] ws, NDArray bias, int[] p, int[] d, int groups) {
        String wStr = Shapes.str(ws);
        if (input.sizeAt(1) != ws[1] * groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + wStr
                    + ", expected input" + Shapes.str(input.sizes()) + " to have " + ws[1] * groups
                    + " channels, but got " + input.sizeAt(1) + " channels instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.sizeAt(0) != ws[0])) {
            throw new IllegalArgumentException("Given weight of size " + wStr + ", expected bias to be 1-dimensional with "
                    + ws[0] + " elements, but got bias of size " + Shapes.str(bias.sizes()) + " instead");
        }
        StringBuilder in = new StringBuilder();
        StringBuilder ker = new StringBuilder();
        boolean ok = true;
        for (int i = 2; i < ws.length; i++) {
            long padded = (long) input.sizeAt(i) + 2L * p[i - 2];
            long kernel = (long) d[i - 2] * (ws[i] - 1) + 1;
            ok &= padded >= kernel;
            in.append(i > 2 ? " x " : "").append(padded);
            ker.append(i > 2 ? " x " : "").append(kernel);
        }
        if (!ok) {
            throw new IllegalArgumentException("Calculated padded input size per channel: (" + in + "). Kernel size: ("
                    + ker + "). Kernel size can't be greater than actual input size");
        }
    }

    /** The CPU kernels' dtype check (libtorch 2.10 words it as a scalar-type mismatch); no integer convolutions. */
    static void checkDtypes(NDArray input, NDArray weight, NDArray bias) {
        for (NDArray other : new NDArray[] {weight, bias}) {
            if (other != null && other.dtype() != input.dtype()) {
                throw new IllegalArgumentException("expected scalar type " + input.dtype().scalarTypeName()
                        + " but found " + other.dtype().scalarTypeName());
            }
        }
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"slow_conv2d_cpu\" not implemented for '"
                    + input.dtype().scalarTypeName() + "'");
        }
    }

    /** The transposed output must be positive and {@code output_padding} smaller than stride or dilation. */
    static void checkTransposedOutput(NDArray input, NDArray weight, int[] s, int[] p, int[] d, int[] op, int[] out) {
        for (int i = 0; i < s.length; i++) {
            if (op[i] >= s[i] && op[i] >= d[i]) {
                throw new IllegalArgumentException("output padding must be smaller than either stride or dilation, but got "
                        + outputPaddingDetail(op, s, d));
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 1) {
                throw new IllegalArgumentException("Given input size per channel: (" + joinX(input.sizes(), 2)
                        + "). Calculated output size per channel: (" + joinX(out, 0)
                        + "). Output size is too small");
            }
        }
    }

    /** The 2-d kernel's parameter dump; a 1-d convolution runs as 2-d with height parameters (0, 1, 1). */
    private static String outputPaddingDetail(int[] op, int[] s, int[] d) {
        boolean one = op.length == 1;
        return "output_padding_height: " + (one ? 0 : op[0]) + " output_padding_width: " + op[op.length - 1]
                + " stride_height: " + (one ? 1 : s[0]) + " stride_width: " + s[s.length - 1]
                + " dilation_height: " + (one ? 1 : d[0]) + " dilation_width: " + d[d.length - 1];
    }

    private static String joinX(int[] values, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < values.length; i++) {
            b.append(i > from ? " x " : "").append(values[i]);
        }
        return b.toString();
    }
}
