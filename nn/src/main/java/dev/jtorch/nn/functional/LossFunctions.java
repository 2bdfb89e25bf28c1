package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;

/**
 * The elementwise losses that PyTorch records as one node ({@code MseLossBackward0},
 * {@code SmoothL1LossBackward0}, {@code HuberLossBackward0}, {@code BinaryCrossEntropyBackward0},
 * {@code BinaryCrossEntropyWithLogitsBackward0}). Forward evaluates the loss and its reduction with
 * tensor ops (grad mode is off inside); backward is the formula of PyTorch's derivatives.yaml
 * ({@code *_loss_backward} in {@code aten/src/ATen/native/Loss.cpp}), written with tensor ops so
 * that it is itself differentiable.
 */
final class LossFunctions {
    private LossFunctions() {}

    /** A loss of (input, target[, weight[, pos_weight]]) reduced by {@code reduction}. */
    abstract static class ReducedLoss extends Function {
        final F.Reduction reduction;
        private int numel;

        ReducedLoss(F.Reduction reduction) {
            this.reduction = reduction;
        }

        /** The unreduced loss. */
        abstract Tensor loss(Tensor[] in);

        /** d loss / d input (unreduced, not yet times the output gradient), from the saved tensors. */
        abstract Tensor inputGrad(Tensor[] s);

        /** d loss / d target (unreduced), from the saved tensors. */
        abstract Tensor targetGrad(Tensor[] s);

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor loss = loss(in);
            numel = loss.numel();
            ctx.saveForBackward(in);
            return F.reduce(loss, reduction);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            // mean: every element receives grad / numel (PyTorch divides the elementwise gradient by numel)
            Tensor scale = reduction == F.Reduction.MEAN ? g.div(numel) : g;
            Tensor[] grads = new Tensor[s.length];
            if (ctx.needsInputGrad(0)) {
                grads[0] = inputGrad(s).mul(scale);
            }
            if (ctx.needsInputGrad(1)) {
                grads[1] = targetGrad(s).mul(scale);
            }
            return grads;
        }
    }

    /** {@code mse_loss}: d input = 2 (x - y), d target = -2 (x - y). */
    static final class MseLoss extends ReducedLoss {
        MseLoss(F.Reduction reduction) {
            super(reduction);
        }

        @Override
        Tensor loss(Tensor[] in) {
            Tensor d = in[0].sub(in[1]);
            return d.mul(d);
        }

        @Override
        Tensor inputGrad(Tensor[] s) {
            return s[0].sub(s[1]).mul(2.0);
        }

        @Override
        Tensor targetGrad(Tensor[] s) {
            return s[0].sub(s[1]).mul(-2.0);
        }

        @Override
        protected String name() {
            return "MseLossBackward0";
        }
    }

    /**
     * {@code smooth_l1_loss}: 0.5 d^2 / beta where |d| < beta, else |d| - 0.5 beta; gradient
     * {@code clamp(d / beta, -1, 1)} (for beta == 0, PyTorch's l1 gradient {@code sign(d)}).
     */
    static final class SmoothL1Loss extends ReducedLoss {
        private final double beta;

        SmoothL1Loss(F.Reduction reduction, double beta) {
            super(reduction);
            this.beta = beta;
        }

        @Override
        Tensor loss(Tensor[] in) {
            Tensor d = in[0].sub(in[1]).abs();
            if (beta == 0) {
                return d;
            }
            return Tensor.where(d.lt(beta), d.mul(d).mul(0.5).div(beta), d.sub(0.5 * beta));
        }

        @Override
        Tensor inputGrad(Tensor[] s) {
            Tensor d = s[0].sub(s[1]);
            if (beta == 0) {
                return d.sign();
            }
            // x <= -beta ? -1 : x >= beta ? 1 : x / beta (smooth_l1_backward_cpu_kernel)
            return Tensor.where(d.le(-beta), -1.0, Tensor.where(d.ge(beta), 1.0, d.div(beta)));
        }

        @Override
        Tensor targetGrad(Tensor[] s) {
            return inputGrad(s).neg();
        }

        @Override
        protected String name() {
            return "SmoothL1LossBackward0";
        }
    }

    /** {@code huber_loss}: 0.5 d^2 where |d| < delta, else delta (|d| - 0.5 delta); gradient clamp(d, -delta, delta). */
    static final class HuberLoss extends ReducedLoss {
        private final double delta;

        HuberLoss(F.Reduction reduction, double delta) {
            super(reduction);
            this.delta = delta;
        }

        @Override
        Tensor loss(Tensor[] in) {
            Tensor d = in[0].sub(in[1]).abs();
            return Tensor.where(d.lt(delta), d.mul(d).mul(0.5), d.sub(0.5 * delta).mul(delta));
        }

        @Override
        Tensor inputGrad(Tensor[] s) {
            Tensor d = s[0].sub(s[1]);
            // x <= -delta ? -delta : x >= delta ? delta : x (huber_backward_cpu_kernel)
            return Tensor.where(d.le(-delta), -delta, Tensor.where(d.ge(delta), delta, d));
        }

        @Override
        Tensor targetGrad(Tensor[] s) {
            return inputGrad(s).neg();
        }

        @Override
        protected String name() {
            return "HuberLossBackward0";
        }
    }

    /**
     * {@code binary_cross_entropy(input, target, weight)}: forward
     * {@code (y - 1) * max(log1p(-x), -100) - y * max(log(x), -100)} (times weight); d input =
     * {@code (x - y) / max((1 - x) x, 1e-12)} (EPSILON of binary_cross_entropy_backward), d target =
     * {@code -logit(x)}, both times weight. The weight itself gets no gradient, as in PyTorch.
     */
    static final class BinaryCrossEntropy extends ReducedLoss {
        private static final double EPSILON = 1e-12;

        BinaryCrossEntropy(F.Reduction reduction) {
            super(reduction);
        }

        @Override
        Tensor loss(Tensor[] in) {
            Tensor x = in[0];
            Tensor y = in[1];
            Tensor loss = y.sub(1).mul(x.neg().log1p().clampMin(-100)).sub(y.mul(x.log().clampMin(-100)));
            return in.length > 2 && in[2] != null ? loss.mul(in[2]) : loss;
        }

        @Override
        Tensor inputGrad(Tensor[] s) {
            Tensor x = s[0];
            Tensor gx = x.sub(s[1]).div(x.rsub(1).mul(x).clampMin(EPSILON));
            return s.length > 2 && s[2] != null ? gx.mul(s[2]) : gx;
        }

        @Override
        Tensor targetGrad(Tensor[] s) {
            Tensor x = s[0];
            Tensor gy = x.neg().log1p().sub(x.log());
            return s.length > 2 && s[2] != null ? gy.mul(s[2]) : gy;
        }

        @Override
        protected String name() {
            return "BinaryCrossEntropyBackward0";
        }
    }

    /**
     * {@code binary_cross_entropy_with_logits(input, target, weight, pos_weight)}: forward
     * {@code (1 - y) x - log_sigmoid(x) ((pos_weight - 1) y + 1)} (times weight); d input =
     * {@code (pos_weight y + 1 - y) sigmoid(x) - pos_weight y} (or {@code sigmoid(x) - y}), d target =
     * {@code -x - (pos_weight - 1) log_sigmoid(x)} (or {@code -x}), both times weight. Inputs are
     * (input, target, weight or null, pos_weight or null); weight and pos_weight get no gradient.
     */
    static final class BinaryCrossEntropyWithLogits extends ReducedLoss {
        BinaryCrossEntropyWithLogits(F.Reduction reduction) {
            super(reduction);
        }

        private static Tensor logSigmoid(Tensor x) {
            return x.clampMax(0).sub(x.abs().neg().exp().log1p());
        }

        @Override
        Tensor loss(Tensor[] in) {
            Tensor x = in[0];
            Tensor y = in[1];
            Tensor ls = logSigmoid(x);
            if (in[3] != null) {
                ls = ls.mul(in[3].sub(1).mul(y).add(1));
            }
            Tensor loss = y.rsub(1).mul(x).sub(ls);
            return in[2] != null ? loss.mul(in[2]) : loss;
        }

        @Override
        Tensor inputGrad(Tensor[] s) {
            Tensor x = s[0];
            Tensor y = s[1];
            Tensor gx;
            if (s[3] != null) {
                Tensor t = s[3].mul(y);
                gx = t.add(1).sub(y).mul(x.sigmoid()).sub(t);
            } else {
                gx = x.sigmoid().sub(y);
            }
            return s[2] != null ? gx.mul(s[2]) : gx;
        }

        @Override
        Tensor targetGrad(Tensor[] s) {
            Tensor x = s[0];
            Tensor gy = s[3] != null ? x.neg().sub(s[3].sub(1).mul(logSigmoid(x))) : x.neg();
            return s[2] != null ? gy.mul(s[2]) : gy;
        }

        @Override
        protected String name() {
            return "BinaryCrossEntropyWithLogitsBackward0";
        }
    }

    /**
     * {@code at::div(Tensor, Scalar)} as ATen's C++ calls it inside composite losses ({@code DivBackward1};
     * Python's {@code tensor / number} records {@code DivBackward0} instead): d self = grad / other.
     */
    static final class DivScalar extends Function {
        private final double other;

        DivScalar(double other) {
            this.other = other;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in[0].div(other);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.div(other)};
        }

        @Override
        protected String name() {
            return "DivBackward1";
        }
    }
}
