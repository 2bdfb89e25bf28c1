package dev.jtorch.nn.functional;

import dev.jtorch.PooledWithIndices;
import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import java.util.Arrays;

/**
 * {@code torch.nn.functional}: layers and losses as functions. Names follow PyTorch
 * ({@code F.linear}, {@code F.cross_entropy} -> {@code F.crossEntropy}); keyword arguments are
 * explicit parameters or option objects with PyTorch's defaults.
 */
public final class F {
    private F() {}

    // ------------------------------------------------------------------ linear and activations

    /**
     * {@code F.linear(input, weight, bias)}: {@code input @ weight.T + bias}. As ATen's
     * {@code at::linear}: a 2-d input with a bias records {@code AddmmBackward0}, another contiguous
     * input with a 1-d contiguous bias {@code ViewBackward0} (addmm on the flattened input), others
     * matmul then add ({@code AddBackward0}).
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        if (input.dim() == 2 && bias != null) {
            return Torch.addmm(bias, input, weight.t());
        }
        boolean fusableBias = bias != null && bias.isContiguous() && (bias.dim() == 1 || bias.squeeze().dim() == 1);
        if (fusableBias && input.dim() > 0 && input.isContiguous()) {
            // at::linear's _flatten_nd_linear: addmm on the flattened [*, in], then a view (ViewBackward0)
            int last = input.dim() - 1;
            Tensor out = Torch.addmm(bias, input.reshape(-1, input.size(last)), weight.t());
            int[] shape = Arrays.copyOf(input.sizes(), input.dim());
            shape[last] = out.size(1);
            return out.view(shape);
        }
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add(bias);
    }

    /**
     * {@code F.bilinear(input1, input2, weight, bias)}: {@code y = x1^T A x2 + b} over the last dims,
     * {@code weight [out, in1, in2]}, any matching batch dims; {@code bias} may be null. Records
     * PyTorch's graph: {@code TrilinearBackward0}, then {@code ViewBackward0}, then {@code AddBackward0} with a bias.
     */
    public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        return Bilinear.bilinear(input1, input2, weight, bias);
    }

    /** {@code F.relu(input)}. */
    public static Tensor relu(Tensor input) {
        return input.relu();
    }

    /** {@code F.softmax(input, dim)}. */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /** {@code F.log_softmax(input, dim)}. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    /** {@code F.leaky_relu(input, negative_slope=0.01)}. */
    public static Tensor leakyRelu(Tensor input, double negativeSlope) {
        return input.leakyRelu(negativeSlope);
    }

    /** {@code F.elu(input, alpha=1.0)}. */
    public static Tensor elu(Tensor input, double alpha) {
        return input.elu(alpha);
    }

    /** {@code F.gelu(input, approximate='none'|'tanh')}. */
    public static Tensor gelu(Tensor input, String approximate) {
        return input.gelu(approximate);
    }

    /** {@code F.silu(input)}. */
    public static Tensor silu(Tensor input) {
        return input.silu();
    }

    /** {@code F.softplus(input, beta=1.0, threshold=20.0)}. */
    public static Tensor softplus(Tensor input, double beta, double threshold) {
        return input.softplus(beta, threshold);
    }

    /** {@code torch.tanh(input)}. */
    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    /** {@code torch.sigmoid(input)}. */
    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    // ------------------------------------------------------------------ dropout, embedding, normalisation

    /**
     * {@code F.dropout(input, p=0.5, training=True)}: in training, {@code input * noise} with
     * {@code noise = empty_like(input).bernoulli_(1 - p).div_(1 - p)} drawn from the global generator
     * (PyTorch's {@code _dropout_impl} order); {@code p == 1} multiplies by zero; otherwise the input itself.
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        if (p == 0 || !training || input.numel() == 0) {
            return input;
        }
        if (p == 1) {
            return input.mul(Torch.zeros(input.dtype()));
        }
        dev.jtorch.tensor.NDArray noise = dev.jtorch.tensor.NDArray.empty(input.dtype(), input.sizes());
        noise.bernoulli_(1 - p);
        noise.div_(1 - p);
        return input.mul(new Tensor(noise));
    }

    /**
     * {@code F.embedding(input, weight, padding_idx)}: rows of {@code weight} selected by the int64
     * {@code input}, shape {@code input.shape + [embedding_dim]}. Positions equal to {@code padding_idx}
     * (null for none; negative counts from the end) pass no gradient to the weight. Records
     * {@code EmbeddingBackward0}.
     */
    public static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx) {
        long pad = paddingIdx == null ? -1 : paddingIdx < 0 ? paddingIdx + weight.size(0) : paddingIdx;
        return new EmbeddingFunction(pad).apply(weight, input);
    }

    /** {@code F.layer_norm(input, normalized_shape, weight, bias, eps=1e-5)}. */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /**
     * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)}:
     * batch statistics (biased variance) in training, updating the running buffers in place with
     * {@code (1 - momentum) * running + momentum * stat} (unbiased variance); running statistics otherwise.
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        return Normalization.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /** {@code F.group_norm(input, num_groups, weight, bias, eps=1e-5)}. */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        return Normalization.groupNorm(input, numGroups, weight, bias, eps);
    }

    // ------------------------------------------------------------------ losses

    /** The {@code reduction} argument of PyTorch's losses. */
    public enum Reduction {
        NONE("none"), MEAN("mean"), SUM("sum");

        final String key;

        Reduction(String key) {
            this.key = key;
        }
    }

    /** {@code F.nll_loss(input, target)} with mean reduction. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, -100, Reduction.MEAN);
    }

    /**
     * {@code F.nll_loss(input, target, weight, ignore_index, reduction)} on {@code [N, C]},
     * {@code [C]} or {@code [N, C, d1, ...]} log-probabilities.
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        if (input.dim() <= 2) {
            return new NllLoss(weight, reduction.key, ignoreIndex).apply(input, target);
        }
        // [N, C, d1..dk] -> [N*d1*..*dk, C]; PyTorch's nll_loss2d sums in another order (last-ulp differences).
        int c = input.size(1);
        int[] perm = new int[input.dim()];
        perm[perm.length - 1] = 1;
        perm[0] = 0;
        for (int i = 2; i < input.dim(); i++) {
            perm[i - 1] = i;
        }
        Tensor flat = input.permute(perm).reshape(-1, c);
        // ATen's nll_loss_nd runs nll_loss2d here (NllLoss2DBackward0; ViewBackward0 for reduction='none')
        Tensor out = new NllLoss(weight, reduction.key, ignoreIndex, "NllLoss2DBackward0").apply(flat, target.reshape(-1));
        return reduction == Reduction.NONE ? out.reshape(target.sizes()) : out;
    }

    /** {@code F.cross_entropy(input, target)}: class indices (int64) or class probabilities (same shape as input). */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, -100, Reduction.MEAN, 0.0);
    }

    /**
     * {@code F.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing)}, as
     * PyTorch's {@code cross_entropy_loss_symint}: probability targets when the shapes are equal,
     * else {@code nll_loss(log_softmax(input, 1), target)}, plus the smoothing term.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
            double labelSmoothing) {
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        Tensor logp = input.logSoftmax(classDim);
        int c = input.size(classDim);
        if (Arrays.equals(input.sizes(), target.sizes()) && target.dtype().isFloatingPoint()) {
            return crossEntropyProbs(logp, target, weight, reduction, labelSmoothing, classDim, c);
        }
        Tensor nll = nllLoss(logp, target, weight, ignoreIndex, reduction);
        if (labelSmoothing == 0) {
            return nll;
        }
        // smooth_i = -sum_c w_c * logp[i, c], zero where target == ignore_index
        Tensor weighted = weight == null ? logp : logp.mul(classWeightView(weight, input.dim(), classDim));
        Tensor smooth = weighted.sum(new int[] {classDim}, false).neg();
        Tensor keep = target.ne(ignoreIndex);
        smooth = smooth.mul(keep.to(smooth.dtype()));
        Tensor ret;
        switch (reduction) {
            case MEAN:
                if (weight == null) {
                    ret = smooth.sum().div(keep.to(smooth.dtype()).sum());
                } else {
                    Tensor wt = weight.indexSelect(0, target.mul(keep.to(target.dtype())).reshape(-1))
                            .mul(keep.reshape(-1).to(weight.dtype()));
                    ret = smooth.sum().div(wt.sum());
                }
                break;
            case SUM:
                ret = smooth.sum();
                break;
            default:
                ret = smooth;
        }
        return nll.mul(1 - labelSmoothing).add(ret.mul(labelSmoothing / c));
    }

    private static Tensor crossEntropyProbs(Tensor logp, Tensor target, Tensor weight, Reduction reduction,
            double labelSmoothing, int classDim, int c) {
        Tensor t = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / c) : target;
        Tensor prod = logp.mul(t);
        if (weight != null) {
            prod = prod.mul(classWeightView(weight, logp.dim(), classDim));
        }
        switch (reduction) {
            case MEAN:
                // ATen: -(input * target).sum() / (numel / n_classes), a C++ Scalar division (DivBackward1)
                return new LossFunctions.DivScalar((double) (logp.numel() / c)).apply(prod.sum().neg());
            case SUM:
                return prod.sum().neg();
            default:
                return prod.sum(new int[] {classDim}, false).neg();
        }
    }

    private static Tensor classWeightView(Tensor weight, int dim, int classDim) {
        int[] shape = new int[dim];
        Arrays.fill(shape, 1);
        shape[classDim] = weight.numel();
        return weight.view(shape);
    }

    /** {@code F.mse_loss(input, target)}: mean of squared differences. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /** {@code F.mse_loss(input, target, reduction)}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return new LossFunctions.MseLoss(reduction).apply(input, target);
    }

    /** {@code F.l1_loss(input, target, reduction)}. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.l1(input, target, reduction);
    }

    /** {@code F.smooth_l1_loss(input, target, reduction, beta=1.0)}. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return Losses.smoothL1(input, target, reduction, beta);
    }

    /** {@code F.huber_loss(input, target, reduction, delta=1.0)}. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return Losses.huber(input, target, reduction, delta);
    }

    /** {@code F.binary_cross_entropy(input, target, weight, reduction)}; logs clamped at -100. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return Losses.bce(input, target, weight, reduction);
    }

    /** {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight)}. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Reduction reduction,
            Tensor posWeight) {
        return Losses.bceWithLogits(input, target, weight, posWeight, reduction);
    }

    /** {@code F.kl_div(input, target, reduction='mean'|'batchmean'|'sum'|'none', log_target=False)}. */
    public static Tensor klDiv(Tensor input, Tensor target, String reduction, boolean logTarget) {
        return Losses.klDiv(input, target, reduction, logTarget);
    }

    static Tensor reduce(Tensor t, Reduction reduction) {
        switch (reduction) {
            case MEAN:
                return t.mean();
            case SUM:
                return t.sum();
            default:
                return t;
        }
    }

    // ------------------------------------------------------------------ convolution and pooling

    /** {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return Torch.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv1d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, String padding, int dilation,
                                int groups) {
        return Torch.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv1d(input, weight, bias)}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return Torch.conv1d(input, weight, bias);
    }

    /** {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}; one value per dim or one for both. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return Torch.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation,
                                int groups) {
        return Torch.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d(input, weight, bias)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return Torch.conv2d(input, weight, bias);
    }

    /** {@code F.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)}. */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding,
                                         int outputPadding, int groups, int dilation) {
        return Torch.convTranspose1d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /** {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return Torch.convTranspose2d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /** {@code F.conv_transpose2d(input, weight, bias)}. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
        return Torch.convTranspose2d(input, weight, bias);
    }

    /** {@code F.max_pool2d(input, kernel_size)}: stride = kernel_size, no padding, dilation 1, floor mode. */
    public static Tensor maxPool2d(Tensor input, int kernelSize) {
        return maxPool2d(input, new int[] {kernelSize}, new int[0], new int[] {0}, new int[] {1}, false);
    }

    /**
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}: each int list has
     * one element (both dims) or two (height, width); an empty {@code stride} means the kernel size.
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        return Torch.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** {@code F.max_pool2d(..., return_indices=True)}: values and int64 indices {@code h * W + w} per plane. */
    public static PooledWithIndices maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding,
            int[] dilation, boolean ceilMode) {
        return Torch.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** {@code F.max_pool1d(input, kernel_size)}: stride = kernel_size, no padding, dilation 1, floor mode. */
    public static Tensor maxPool1d(Tensor input, int kernelSize) {
        return maxPool1d(input, kernelSize, null, 0, 1, false);
    }

    /** {@code F.max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode)}; a null stride means kernel_size. */
    public static Tensor maxPool1d(Tensor input, int kernelSize, Integer stride, int padding, int dilation,
            boolean ceilMode) {
        return Torch.maxPool1d(input, new int[] {kernelSize}, stride == null ? new int[0] : new int[] {stride},
                new int[] {padding}, new int[] {dilation}, ceilMode);
    }

    /** {@code F.max_pool1d(..., return_indices=True)}: values and int64 indices along the length. */
    public static PooledWithIndices maxPool1dWithIndices(Tensor input, int kernelSize, Integer stride, int padding,
            int dilation, boolean ceilMode) {
        return Torch.maxPool1dWithIndices(input, new int[] {kernelSize}, stride == null ? new int[0] : new int[] {stride},
                new int[] {padding}, new int[] {dilation}, ceilMode);
    }

    /** {@code F.avg_pool2d(input, kernel_size)}: stride = kernel_size, no padding. */
    public static Tensor avgPool2d(Tensor input, int kernelSize) {
        return avgPool2d(input, new int[] {kernelSize}, new int[0], new int[] {0}, false, true, null);
    }

    /**
     * {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)};
     * an empty {@code stride} means the kernel size, a null {@code divisorOverride} none.
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad, Integer divisorOverride) {
        return Torch.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** {@code F.avg_pool1d(input, kernel_size)}: stride = kernel_size, no padding. */
    public static Tensor avgPool1d(Tensor input, int kernelSize) {
        return avgPool1d(input, kernelSize, null, 0, false, true);
    }

    /** {@code F.avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad)}; a null stride means kernel_size. */
    public static Tensor avgPool1d(Tensor input, int kernelSize, Integer stride, int padding, boolean ceilMode,
            boolean countIncludePad) {
        return Torch.avgPool1d(input, new int[] {kernelSize}, stride == null ? new int[0] : new int[] {stride},
                new int[] {padding}, ceilMode, countIncludePad);
    }

    /**
     * {@code F.adaptive_avg_pool2d(input, output_size)}: one size (square output) or two. A
     * {@code (1, 1)} output is {@code input.mean((-1, -2), keepdim=True)}, as in PyTorch.
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int... outputSize) {
        return Torch.adaptiveAvgPool2d(input, outputSize.length == 1 ? new int[] {outputSize[0], outputSize[0]} : outputSize);
    }

    /** {@code F.adaptive_avg_pool1d(input, output_size)}. */
    public static Tensor adaptiveAvgPool1d(Tensor input, int outputSize) {
        return Torch.adaptiveAvgPool1d(input, outputSize);
    }

    /** {@code F.adaptive_max_pool2d(input, output_size)}: one size (square output) or two. */
    public static Tensor adaptiveMaxPool2d(Tensor input, int... outputSize) {
        return adaptiveMaxPool2dWithIndices(input, outputSize).values();
    }

    /** {@code F.adaptive_max_pool2d(input, output_size, return_indices=True)}: values and int64 indices. */
    public static PooledWithIndices adaptiveMaxPool2dWithIndices(Tensor input, int... outputSize) {
        return Torch.adaptiveMaxPool2d(input, outputSize.length == 1 ? new int[] {outputSize[0], outputSize[0]} : outputSize);
    }

    // ------------------------------------------------------------------ end of convolution and pooling
}
