package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import java.util.Arrays;

/**
 * Elementwise losses following PyTorch's formulas in {@code aten/src/ATen/native/Loss.cpp} (values
 * within float32 rounding of PyTorch). Losses that PyTorch records as one node are one
 * {@link LossFunctions} node here; {@code l1_loss} and {@code kl_div}, composite in PyTorch, are
 * composed the same way, so every loss records PyTorch's {@code grad_fn}.
 */
final class Losses {
    private Losses() {}

    static void checkSameSize(Tensor input, Tensor target, String what) {
        if (!Arrays.equals(input.sizes(), target.sizes())) {
            throw new IllegalArgumentException("Using a target size (" + size(target) + ") that is different to the input size ("
                    + size(input) + ") is deprecated. Please ensure they have the same size.");
        }
    }

    static String size(Tensor t) {
        StringBuilder sb = new StringBuilder("torch.Size([");
        int[] s = t.sizes();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(s[i]);
        }
        return sb.append("])").toString();
    }

    /** {@code F.l1_loss}: |x - y|. */
    static Tensor l1(Tensor input, Tensor target, F.Reduction reduction) {
        return F.reduce(input.sub(target).abs(), reduction);
    }

    /** {@code F.smooth_l1_loss}: 0.5 d^2 / beta where |d| < beta, else |d| - 0.5 beta; beta == 0 is L1. */
    static Tensor smoothL1(Tensor input, Tensor target, F.Reduction reduction, double beta) {
        if (beta < 0) {
            throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta.");
        }
        return new LossFunctions.SmoothL1Loss(reduction, beta).apply(input, target);
    }

    /** {@code F.huber_loss}: 0.5 d^2 where |d| < delta, else delta (|d| - 0.5 delta). */
    static Tensor huber(Tensor input, Tensor target, F.Reduction reduction, double delta) {
        if (delta <= 0) {
            throw new IllegalArgumentException("huber_loss does not support non-positive values for delta.");
        }
        return new LossFunctions.HuberLoss(reduction, delta).apply(input, target);
    }

    /**
     * {@code F.binary_cross_entropy}: {@code (y - 1) * max(log1p(-x), -100) - y * max(log(x), -100)},
     * times {@code weight}, as PyTorch's CPU kernel.
     */
    static Tensor bce(Tensor input, Tensor target, Tensor weight, F.Reduction reduction) {
        checkSameSize(input, target, "binary_cross_entropy");
        Tensor x = input.detach();
        if (x.lt(0).logicalOr(x.gt(1)).any().item() != 0) {
            throw new IllegalArgumentException("all elements of input should be between 0 and 1");
        }
        return new LossFunctions.BinaryCrossEntropy(reduction).apply(input, target, weight);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits}: PyTorch's
     * {@code (1 - y) * x - log_sigmoid(x) * ((pos_weight - 1) * y + 1)}, with the stable
     * {@code log_sigmoid(x) = min(x, 0) - log1p(exp(-|x|))}.
     */
    static Tensor bceWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, F.Reduction reduction) {
        checkSameSize(input, target, "binary_cross_entropy_with_logits");
        return new LossFunctions.BinaryCrossEntropyWithLogits(reduction).apply(input, target, weight, posWeight);
    }

    /**
     * {@code F.kl_div(input, target, reduction, log_target)}: {@code xlogy(y, y) - y * x}, or
     * {@code exp(y) * (y - x)} for log targets; {@code batchmean} divides the sum by the batch size.
     */
    static Tensor klDiv(Tensor input, Tensor target, String reduction, boolean logTarget) {
        Tensor loss;
        if (logTarget) {
            loss = target.exp().mul(target.sub(input));
        } else {
            Tensor xlogy = Tensor.where(target.eq(0), 0.0, target.mul(target.log()));
            loss = xlogy.sub(target.mul(input));
        }
        switch (reduction) {
            case "batchmean":
                return input.dim() == 0 ? loss.sum() : loss.sum().div(input.size(0));
            case "mean":
                return loss.mean();
            case "sum":
                return loss.sum();
            case "none":
                return loss;
            default:
                throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        }
    }
}
