package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;

/**
 * Layer, batch and group normalisation as one node each, as PyTorch records them
 * ({@code NativeLayerNormBackward0}, {@code NativeBatchNormBackward0}, {@code NativeGroupNormBackward0}).
 * Inputs are (input, weight or null, bias or null). Backward is the formula of
 * {@code native_*_norm_backward}: with {@code xhat = (x - mean) * rstd} and {@code gw = grad * weight},
 * {@code d input = rstd * (gw - mean(gw) - xhat * mean(gw * xhat))} over the normalised elements,
 * {@code d weight = sum(grad * xhat)}, {@code d bias = sum(grad)}. The statistics are recomputed from
 * the saved input with tensor ops, so the backward is itself differentiable (double backward).
 */
final class NormFunctions {
    private NormFunctions() {}

    /** {@code rstd * (gw - mean(gw) - xhat * mean(gw * xhat))} over {@code dims}. */
    static Tensor normGrad(Tensor gw, Tensor xhat, Tensor rstd, int[] dims) {
        Tensor mg = gw.mean(dims, true);
        Tensor mgx = gw.mul(xhat).mean(dims, true);
        return gw.sub(mg).sub(xhat.mul(mgx)).mul(rstd);
    }

    /** {@code (x - mean) * rsqrt(var + eps)} over {@code dims} (biased variance), and rstd; {out, rstd}. */
    static Tensor[] normalize(Tensor x, int[] dims, double eps) {
        Tensor mean = x.mean(dims, true);
        Tensor rstd = x.var(dims, false, true).add(eps).rsqrt();
        return new Tensor[] {x.sub(mean).mul(rstd), rstd};
    }

    /** The affine transform with weight and bias viewed as {@code shape} (either may be null). */
    static Tensor affine(Tensor xhat, Tensor weight, Tensor bias, int[] shape) {
        Tensor out = xhat;
        if (weight != null) {
            out = out.mul(weight.view(shape));
        }
        if (bias != null) {
            out = out.add(bias.view(shape));
        }
        return out;
    }

    /** {@code native_layer_norm} over the trailing {@code dims}. */
    static final class NativeLayerNorm extends Function {
        private final int[] dims;
        private final double eps;

        NativeLayerNorm(int[] dims, double eps) {
            this.dims = dims;
            this.eps = eps;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            Tensor[] n = normalize(in[0], dims, eps);
            int[] ws = in[1] != null ? in[1].sizes() : in[2] != null ? in[2].sizes() : null;
            return affine(n[0], in[1], in[2], ws);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            Tensor[] n = normalize(s[0], dims, eps);
            Tensor[] grads = new Tensor[3];
            if (ctx.needsInputGrad(0)) {
                grads[0] = normGrad(s[1] != null ? g.mul(s[1]) : g, n[0], n[1], dims);
            }
            if (ctx.needsInputGrad(1)) {
                grads[1] = g.mul(n[0]).sumToSize(trailing(g.sizes()));
            }
            if (ctx.needsInputGrad(2)) {
                grads[2] = g.sumToSize(trailing(g.sizes()));
            }
            return grads;
        }

        private int[] trailing(int[] s) {
            return java.util.Arrays.copyOfRange(s, s.length - dims.length, s.length);
        }

        @Override
        protected String name() {
            return "NativeLayerNormBackward0";
        }
    }

    /**
     * {@code native_batch_norm}: in training, batch statistics over every dim but 1 (updating the
     * running buffers in place, under no-grad); otherwise the running statistics, which backward
     * treats as constants.
     */
    static final class NativeBatchNorm extends Function {
        private final Tensor runningMean;
        private final Tensor runningVar;
        private final boolean training;
        private final double momentum;
        private final double eps;
        private int[] dims;
        private int[] cs;

        NativeBatchNorm(Tensor runningMean, Tensor runningVar, boolean training, double momentum, double eps) {
            this.runningMean = runningMean;
            this.runningVar = runningVar;
            this.training = training;
            this.momentum = momentum;
            this.eps = eps;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor x = in[0];
            int[] s = x.sizes();
            cs = Normalization.channelShape(s.length, s[1]);
            dims = new int[s.length - 1];
            for (int i = 2; i < s.length; i++) {
                dims[i - 1] = i;
            }
            Tensor xhat;
            if (training) {
                Tensor mean = x.mean(dims, true);
                Tensor var = x.var(dims, false, true);
                if (runningMean != null) {
                    long count = x.numel() / s[1];
                    Tensor unbiased = var.view(s[1]).mul((double) count / (count - 1));
                    runningMean.mul_(1 - momentum).add_(mean.view(s[1]).mul(momentum));
                    runningVar.mul_(1 - momentum).add_(unbiased.mul(momentum));
                }
                xhat = x.sub(mean).mul(var.add(eps).rsqrt());
                ctx.saveForBackward(x, in[1]);
            } else {
                Tensor mean = runningMean.view(cs).clone();
                Tensor rstd = runningVar.view(cs).add(eps).rsqrt();
                xhat = x.sub(mean).mul(rstd);
                ctx.saveForBackward(x, in[1], mean, rstd);
            }
            return affine(xhat, in[1], in[2], cs);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            Tensor xhat;
            Tensor rstd;
            if (training) {
                Tensor[] n = normalize(s[0], dims, eps);
                xhat = n[0];
                rstd = n[1];
            } else {
                rstd = s[3];
                xhat = s[0].sub(s[2]).mul(rstd);
            }
            Tensor[] grads = new Tensor[3];
            if (ctx.needsInputGrad(0)) {
                Tensor gw = s[1] != null ? g.mul(s[1].view(cs)) : g;
                grads[0] = training ? normGrad(gw, xhat, rstd, dims) : gw.mul(rstd);
            }
            if (ctx.needsInputGrad(1)) {
                grads[1] = g.mul(xhat).sumToSize(cs).view(s[1].sizes());
            }
            if (ctx.needsInputGrad(2)) {
                grads[2] = g.sumToSize(cs).view(cs[1]);
            }
            return grads;
        }

        @Override
        protected String name() {
            return "NativeBatchNormBackward0";
        }
    }

    /** {@code native_group_norm}: statistics per (sample, group) of {@code input.reshape(N, G, -1)}. */
    static final class NativeGroupNorm extends Function {
        private static final int[] GROUP_DIM = {2};
        private final int groups;
        private final double eps;

        NativeGroupNorm(int groups, double eps) {
            this.groups = groups;
            this.eps = eps;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            int[] s = in[0].sizes();
            Tensor xhat = normalize(in[0].reshape(s[0], groups, -1), GROUP_DIM, eps)[0].reshape(s);
            return affine(xhat, in[1], in[2], Normalization.channelShape(s.length, s[1]));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            int[] shape = s[0].sizes();
            int[] cs = Normalization.channelShape(shape.length, shape[1]);
            Tensor[] n = normalize(s[0].reshape(shape[0], groups, -1), GROUP_DIM, eps);
            Tensor[] grads = new Tensor[3];
            if (ctx.needsInputGrad(0)) {
                Tensor gw = (s[1] != null ? g.mul(s[1].view(cs)) : g).reshape(shape[0], groups, -1);
                grads[0] = normGrad(gw, n[0], n[1], GROUP_DIM).reshape(shape);
            }
            if (ctx.needsInputGrad(1)) {
                grads[1] = g.mul(n[0].reshape(shape)).sumToSize(cs).view(shape[1]);
            }
            if (ctx.needsInputGrad(2)) {
                grads[2] = g.sumToSize(cs).view(shape[1]);
            }
            return grads;
        }

        @Override
        protected String name() {
            return "NativeGroupNormBackward0";
        }
    }
}
