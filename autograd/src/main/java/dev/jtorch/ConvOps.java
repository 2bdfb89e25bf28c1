package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Shapes;
import java.util.Arrays;

/**
 * Differentiable 1-d and 2-d convolutions. {@link Conv} (forward) and {@link ConvTranspose} are
 * each other's input gradient, and {@link WeightGrad} is the weight gradient of both; each
 * backward is written with these three functions, so gradients of any order are available
 * ({@code create_graph=True}), as in PyTorch. Both user-facing nodes are named
 * {@code ConvolutionBackward0}, PyTorch's name for {@code conv1d}, {@code conv2d} and
 * {@code conv_transpose*}. Unbatched inputs are unsqueezed and the result squeezed, as in ATen's
 * {@code batchify}, so their {@code grad_fn} is {@code SqueezeBackward1}.
 *
 * <p>Difference from PyTorch: under {@code create_graph}, PyTorch computes all second-order terms in
 * one node, {@code ConvolutionBackwardBackward0}; here the input gradient is itself a
 * {@code ConvolutionBackward0} (a transposed convolution) and the weight gradient a
 * {@code ConvolutionBackwardBackward0} node. Values agree.
 */
final class ConvOps {
    private ConvOps() {}

    /** ATen's {@code batchify}: {@code spatial+1}-d (unbatched) or {@code spatial+2}-d input. */
    static boolean batched(String fn, int spatial, Tensor input) {
        int noBatch = spatial + 1;
        if (input.dim() != noBatch && input.dim() != noBatch + 1) {
            throw new IllegalArgumentException("Expected " + noBatch + "D (unbatched) or " + (noBatch + 1)
                    + "D (batched) input to " + fn + ", but got input of size: " + Shapes.str(input.sizes()));
        }
        return input.dim() == noBatch + 1;
    }

    /** {@code conv1d}/{@code conv2d}; {@code samePadding} is "same", "valid" or null (numeric {@code padding}). */
    static Tensor conv(String fn, int spatial, Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                       String samePadding, int[] dilation, int groups) {
        boolean batched = batched(fn, spatial, input);
        Tensor in = batched ? input : input.unsqueeze(0);
        Tensor out = new Conv(stride, padding, samePadding, dilation, groups, null).apply(in, weight, bias);
        return batched ? out : out.squeeze(0);
    }

    /** {@code conv_transpose1d}/{@code conv_transpose2d}. */
    static Tensor convTranspose(String fn, int spatial, Tensor input, Tensor weight, Tensor bias, int[] stride,
                                int[] padding, int[] outputPadding, int groups, int[] dilation) {
        boolean batched = batched(fn, spatial, input);
        Tensor in = batched ? input : input.unsqueeze(0);
        Tensor out = new ConvTranspose(stride, padding, outputPadding, dilation, groups, null).apply(in, weight, bias);
        return batched ? out : out.squeeze(0);
    }

    private static int[] spatial(int[] shape) {
        return Arrays.copyOfRange(shape, 2, shape.length);
    }

    private static int[] perDim(int[] v, int dim) {
        if (v.length == dim) {
            return v.clone();
        }
        int[] out = new int[dim];
        Arrays.fill(out, v[0]);
        return out;
    }

    /** The bias gradient: the sum of the output gradient over every dim but the channels. */
    private static Tensor biasGrad(Tensor g) {
        int[] dims = new int[g.dim() - 1];
        dims[0] = 0;
        for (int i = 2; i < g.dim(); i++) {
            dims[i - 1] = i;
        }
        return g.sum(dims);
    }

    /**
     * {@code torch.convolution(..., transposed=False)}. Built by the user entry with {@code outSize}
     * null (the result then comes from the checked NDArray function), or by a backward with an
     * explicit output size and per-dim parameters.
     */
    static final class Conv extends Function {
        private int[] stride;
        private int[] padding;
        private final String samePadding;
        private int[] dilation;
        private final int groups;
        private int[] outSize;
        private int[] xShape;
        private int[] wShape;

        Conv(int[] stride, int[] padding, String samePadding, int[] dilation, int groups, int[] outSize) {
            this.stride = stride;
            this.padding = padding;
            this.samePadding = samePadding;
            this.dilation = dilation;
            this.groups = groups;
            this.outSize = outSize;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray x = in[0].array();
            NDArray w = in[1].array();
            NDArray b = in[2] == null ? null : in[2].array();
            NDArray y;
            if (outSize != null) {
                y = x.convolutionForward(w, b, stride, padding, dilation, groups, outSize);
            } else {
                y = userForward(x, w, b);
            }
            xShape = x.sizes();
            wShape = w.sizes();
            ctx.saveForBackward(ctx.needsInputGrad(1) ? in[0] : null, ctx.needsInputGrad(0) ? in[1] : null);
            return new Tensor(y);
        }

        /** The checked user-facing forward; then fixes the per-dim geometry for backward. */
        private NDArray userForward(NDArray x, NDArray w, NDArray b) {
            NDArray y;
            if (samePadding == null) {
                y = x.convolution(w, b, stride, padding, dilation, false, new int[x.dim() - 2], groups);
            } else if (x.dim() == 4) {
                y = x.conv2d(w, b, stride, samePadding, dilation, groups);
            } else {
                y = x.conv1d(w, b, stride[0], samePadding, dilation[0], groups);
            }
            int dim = w.dim() - 2;
            stride = perDim(stride, dim);
            dilation = perDim(dilation, dim);
            int[] lo = new int[dim];
            for (int i = 0; i < dim; i++) {
                lo[i] = "same".equals(samePadding) ? dilation[i] * (w.size(i + 2) - 1) / 2
                        : samePadding == null ? perDim(padding, dim)[i] : 0;
            }
            padding = lo;
            outSize = spatial(y.sizes());
            return y;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0)
                        ? new ConvTranspose(stride, padding, null, dilation, groups, spatial(xShape)).apply(g, s[1], null)
                        : null,
                ctx.needsInputGrad(1) ? new WeightGrad(stride, padding, dilation, groups, wShape).apply(g, s[0]) : null,
                ctx.needsInputGrad(2) ? biasGrad(g) : null};
        }

        @Override
        protected String name() {
            return "ConvolutionBackward0";
        }
    }

    /**
     * {@code torch.convolution(..., transposed=True)}: the input-gradient product of {@link Conv}.
     * Weight {@code [Cin, Cout/groups, k...]}; {@code outSize} null for the checked user entry.
     */
    static final class ConvTranspose extends Function {
        private int[] stride;
        private int[] padding;
        private final int[] outputPadding;
        private int[] dilation;
        private final int groups;
        private int[] outSize;
        private int[] xShape;
        private int[] wShape;

        ConvTranspose(int[] stride, int[] padding, int[] outputPadding, int[] dilation, int groups, int[] outSize) {
            this.stride = stride;
            this.padding = padding;
            this.outputPadding = outputPadding;
            this.dilation = dilation;
            this.groups = groups;
            this.outSize = outSize;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray x = in[0].array();
            NDArray w = in[1].array();
            NDArray b = in[2] == null ? null : in[2].array();
            NDArray y;
            if (outSize == null) {
                y = x.convolution(w, b, stride, padding, dilation, true, outputPadding, groups);
                int dim = w.dim() - 2;
                stride = perDim(stride, dim);
                padding = perDim(padding, dim);
                dilation = perDim(dilation, dim);
                outSize = spatial(y.sizes());
            } else {
                int[] shape = new int[outSize.length + 2];
                shape[0] = x.size(0);
                shape[1] = w.size(1) * groups;
                System.arraycopy(outSize, 0, shape, 2, outSize.length);
                y = x.convolutionBackwardInput(w, shape, stride, padding, dilation, groups);
            }
            xShape = x.sizes();
            wShape = w.sizes();
            ctx.saveForBackward(ctx.needsInputGrad(1) ? in[0] : null, ctx.needsInputGrad(0) ? in[1] : null);
            return new Tensor(y);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0)
                        ? new Conv(stride, padding, null, dilation, groups, spatial(xShape)).apply(g, s[1], null)
                        : null,
                ctx.needsInputGrad(1) ? new WeightGrad(stride, padding, dilation, groups, wShape).apply(s[0], g) : null,
                ctx.needsInputGrad(2) ? biasGrad(g) : null};
        }

        @Override
        protected String name() {
            return "ConvolutionBackward0";
        }
    }

    /** The weight gradient {@code (grad_output, input) -> grad_weight} of {@link Conv}, differentiable in both. */
    static final class WeightGrad extends Function {
        private final int[] stride;
        private final int[] padding;
        private final int[] dilation;
        private final int groups;
        private final int[] wShape;
        private int[] gyShape;
        private int[] xShape;

        WeightGrad(int[] stride, int[] padding, int[] dilation, int groups, int[] wShape) {
            this.stride = stride;
            this.padding = padding;
            this.dilation = dilation;
            this.groups = groups;
            this.wShape = wShape;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            gyShape = in[0].sizes();
            xShape = in[1].sizes();
            ctx.saveForBackward(ctx.needsInputGrad(1) ? in[0] : null, ctx.needsInputGrad(0) ? in[1] : null);
            return new Tensor(in[0].array().convolutionBackwardWeight(in[1].array(), wShape, stride, padding, dilation, groups));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0)
                        ? new Conv(stride, padding, null, dilation, groups, spatial(gyShape)).apply(s[1], g, null)
                        : null,
                ctx.needsInputGrad(1)
                        ? new ConvTranspose(stride, padding, null, dilation, groups, spatial(xShape)).apply(s[0], g, null)
                        : null};
        }

        @Override
        protected String name() {
            return "ConvolutionBackwardBackward0";
        }
    }
}
