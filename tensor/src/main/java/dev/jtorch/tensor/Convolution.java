package dev.jtorch.tensor;

import java.util.Arrays;

/**
 * {@code conv1d}, {@code conv2d}, {@code conv_transpose1d/2d}, {@code torch.convolution} and the
 * two backward products, with ATen's argument checks and messages ({@code Convolution.cpp}:
 * {@code batchify}, {@code _convolution}, {@code check_shape_forward}, {@code conv_padding_same}).
 * Everything becomes one {@link ConvGeometry} (1-d as 2-d with height 1) and one of the GEMM
 * lowerings in {@link ConvProducts}; inputs are made contiguous first, as ATen does.
 */
final class Convolution {
    private Convolution() {}

    // ---------------------------------------------------------------- user-facing functions

    /** {@code conv1d}/{@code conv2d} with numeric padding; input batched or unbatched. */
    static NDArray conv(String fn, int spatial, NDArray input, NDArray weight, NDArray bias,
                        int[] stride, int[] padding, int[] dilation, int groups) {
        boolean batched = batched(fn, spatial, input);
        NDArray in = batched ? input : input.unsqueeze(0);
        // ATen's conv2d passes output_padding {0, 0} (conv1d {0}), checked against the weight's dims
        NDArray out = convolution(in, weight, bias, stride, padding, dilation, false, new int[spatial], groups);
        return batched ? out : out.squeeze(0);
    }

    /** {@code conv1d}/{@code conv2d} with {@code padding="same"} or {@code "valid"}. */
    static NDArray conv(String fn, int spatial, NDArray input, NDArray weight, NDArray bias,
                        int[] stride, String padding, int[] dilation, int groups) {
        boolean batched = batched(fn, spatial, input);
        NDArray in = batched ? input : input.unsqueeze(0);
        NDArray out;
        if ("valid".equals(padding)) {
            out = convolution(in, weight, bias, stride, new int[] {0}, dilation, false, new int[] {0}, groups);
        } else if ("same".equals(padding)) {
            out = same(in, weight, bias, stride, dilation, groups);
        } else {
            throw new IllegalArgumentException("Invalid padding string: '" + padding + "'");
        }
        return batched ? out : out.squeeze(0);
    }

    /** {@code conv_transpose1d}/{@code conv_transpose2d}; input batched or unbatched. */
    static NDArray convTranspose(String fn, int spatial, NDArray input, NDArray weight, NDArray bias, int[] stride,
                                 int[] padding, int[] outputPadding, int groups, int[] dilation) {
        boolean batched = batched(fn, spatial, input);
        NDArray in = batched ? input : input.unsqueeze(0);
        NDArray out = convolution(in, weight, bias, stride, padding, dilation, true, outputPadding, groups);
        return batched ? out : out.squeeze(0);
    }

    /** ATen's {@code conv_padding_same}: total padding {@code d * (k - 1)}, the odd extra at the end. */
    private static NDArray same(NDArray in, NDArray weight, NDArray bias, int[] stride, int[] dilation, int groups) {
        int dim = weight.dim() - 2;
        if (dim <= 0) {
            throw new IllegalArgumentException("weight should have at least three dimensions");
        }
        int[] s = expand(stride, "stride", dim);
        int[] d = expand(dilation, "dilation", dim);
        for (int v : s) {
            if (v != 1) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
        }
        int[] lo = new int[dim];
        int[] hi = new int[dim];
        int[] out = new int[dim];
        for (int i = 0; i < dim; i++) {
            int total = d[i] * (weight.sizeAt(i + 2) - 1);
            lo[i] = total / 2;
            hi[i] = total - lo[i];
            out[i] = in.dim() == dim + 2 ? in.sizeAt(i + 2) : 0;
        }
        // checked with the larger side's padding on both: the kernel then always fits, as it does in ATen
        ConvChecks.check(in, weight, bias, s, hi, d, new int[dim], false, groups);
        return forward(in, weight, bias, s, lo, d, groups, out);
    }

    /** {@code torch.convolution(input, weight, bias, stride, padding, dilation, transposed, output_padding, groups)}. */
    static NDArray convolution(NDArray input, NDArray weight, NDArray bias, int[] stride, int[] padding,
                               int[] dilation, boolean transposed, int[] outputPadding, int groups) {
        int dim = weight.dim() - 2;
        if (dim <= 0) {
            throw new IllegalArgumentException("weight should have at least three dimensions");
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
        int[] s = expand(stride, "stride", dim);
        int[] p = expand(padding, "padding", dim);
        int[] d = expand(dilation, "dilation", dim);
        int[] op = expand(outputPadding, "output_padding", dim);
        ConvChecks.check(input, weight, bias, s, p, d, op, transposed, groups);
        if (dim > 2) {
            throw new IllegalArgumentException("jtorch supports 1-d and 2-d convolutions, got a " + dim
                    + "-d weight of size " + Shapes.str(weight.sizes()));
        }
        int[] out = new int[dim];
        if (!transposed) {
            for (int i = 0; i < dim; i++) {
                out[i] = (input.sizeAt(i + 2) + 2 * p[i] - d[i] * (weight.sizeAt(i + 2) - 1) - 1) / s[i] + 1;
            }
            return forward(input, weight, bias, s, p, d, groups, out);
        }
        for (int i = 0; i < dim; i++) {
            out[i] = (input.sizeAt(i + 2) - 1) * s[i] - 2 * p[i] + d[i] * (weight.sizeAt(i + 2) - 1) + op[i] + 1;
        }
        ConvChecks.checkTransposedOutput(input, weight, s, p, d, op, out);
        NDArray y = backwardInput(input, weight, outShape(input, weight.sizeAt(1) * groups, out), s, p, d, groups);
        if (bias != null) {
            int[] bshape = new int[dim + 2];
            Arrays.fill(bshape, 1);
            bshape[1] = bias.numel();
            y.add_(bias.view(bshape));
        }
        return y;
    }

    // ---------------------------------------------------------------- explicit-geometry products

    /** The forward product with an explicit output spatial size (for the backward of a transposed convolution). */
    static NDArray forward(NDArray input, NDArray weight, NDArray bias, int[] stride, int[] padding, int[] dilation,
                           int groups, int[] outputSize) {
        ConvChecks.checkDtypes(input, weight, bias);
        ConvGeometry g = geometry(input.sizes(), weight.sizes(), stride, padding, dilation, groups, outputSize);
        return ConvProducts.forward(input.contiguous(), weight.contiguous(), bias, g).view(outShape(input, weight.sizeAt(0), outputSize));
    }

    /** Gradient w.r.t. an input of shape {@code inputShape} from {@code gradOutput}. */
    static NDArray backwardInput(NDArray gradOutput, NDArray weight, int[] inputShape, int[] stride, int[] padding,
                                 int[] dilation, int groups) {
        ConvChecks.checkDtypes(gradOutput, weight, null);
        int[] out = Arrays.copyOfRange(gradOutput.sizes(), 2, gradOutput.dim());
        ConvGeometry g = geometry(inputShape, weight.sizes(), stride, padding, dilation, groups, out);
        return ConvProducts.backwardInput(gradOutput.contiguous(), weight.contiguous(), g).view(inputShape);
    }

    /** Gradient w.r.t. a weight of shape {@code weightShape} from {@code gradOutput} and {@code input}. */
    static NDArray backwardWeight(NDArray gradOutput, NDArray input, int[] weightShape, int[] stride, int[] padding,
                                  int[] dilation, int groups) {
        ConvChecks.checkDtypes(input, gradOutput, null);
        int[] out = Arrays.copyOfRange(gradOutput.sizes(), 2, gradOutput.dim());
        ConvGeometry g = geometry(input.sizes(), weightShape, stride, padding, dilation, groups, out);
        return ConvProducts.backwardWeight(gradOutput.contiguous(), input.contiguous(), g).view(weightShape);
    }

    private static int[] outShape(NDArray input, int channels, int[] spatial) {
        int[] shape = new int[spatial.length + 2];
        shape[0] = input.sizeAt(0);
        shape[1] = channels;
        System.arraycopy(spatial, 0, shape, 2, spatial.length);
        return shape;
    }

    // ---------------------------------------------------------------- checks and geometry

    /** ATen's {@code batchify}: {@code dim+1}-d (unbatched) or {@code dim+2}-d (batched) input. */
    private static boolean batched(String fn, int spatial, NDArray input) {
        int noBatch = spatial + 1;
        if (input.dim() != noBatch && input.dim() != noBatch + 1) {
            throw new IllegalArgumentException("Expected " + noBatch + "D (unbatched) or " + (noBatch + 1)
                    + "D (batched) input to " + fn + ", but got input of size: " + Shapes.str(input.sizes()));
        }
        return input.dim() == noBatch + 1;
    }

    /** ATen's {@code expand_param_if_needed}: one value for every dim, or exactly one per dim. */
    static int[] expand(int[] param, String name, int dim) {
        if (param.length == 1) {
            int[] out = new int[dim];
            Arrays.fill(out, param[0]);
            return out;
        }
        if (param.length != dim) {
            throw new IllegalArgumentException("expected " + name + " to be a single integer value or a list of "
                    + dim + " values to match the convolution dimensions, but got " + name + "=" + Arrays.toString(param));
        }
        return param.clone();
    }

    /** The geometry of an input {@code [N, C, (H,) W]} against a weight {@code [O, C/g, (kh,) kw]}, 1-d as 2-d. */
    static ConvGeometry geometry(int[] in, int[] w, int[] s, int[] p, int[] d, int groups, int[] out) {
        if (w.length == 3) {
            return new ConvGeometry(in[0], in[1], 1, in[2], w[0], groups, 1, w[2], 1, s[0], 0, p[0], 1, d[0], 1, out[0]);
        }
        return new ConvGeometry(in[0], in[1], in[2], in[3], w[0], groups, w[2], w[3], s[0], s[1], p[0], p[1],
                d[0], d[1], out[0], out[1]);
    }
}
