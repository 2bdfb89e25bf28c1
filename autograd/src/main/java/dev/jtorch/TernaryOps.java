package dev.jtorch;

import static dev.jtorch.Op.grads;
import static dev.jtorch.Op.ifNeeded;
import static dev.jtorch.PointwiseOps.saveIf;

import dev.jtorch.autograd.Context;

/**
 * {@code addcmul}, {@code addcdiv} and {@code lerp}: the optimizers' fused updates, here
 * differentiable. The gradient formulas are shared with the in-place variants in {@link InPlaceOps}.
 */
final class TernaryOps {
    private TernaryOps() {}

    /** AddcmulBackward0: self {@code grad}, tensor1 {@code grad * (tensor2 * value)}, tensor2 likewise. */
    static Op.Backward addcmulGrads(double value) {
        return (ctx, g, x, r) -> grads(ifNeeded(ctx, 0, () -> g),
                ifNeeded(ctx, 1, () -> g.mul(x[2].mul(value))),
                ifNeeded(ctx, 2, () -> g.mul(x[1].mul(value))));
    }

    static int addcmulSaves(Context ctx) {
        return saveIf(ctx, 1, Op.X2) | saveIf(ctx, 2, Op.X1);
    }

    /** AddcdivBackward0: tensor1 {@code grad * (value / tensor2)}, tensor2 {@code -grad * (value * tensor1 / tensor2^2)}. */
    static Op.Backward addcdivGrads(double value) {
        return (ctx, g, x, r) -> grads(ifNeeded(ctx, 0, () -> g),
                ifNeeded(ctx, 1, () -> g.mul(PointwiseOps.scalarFor(x[2], value).div(x[2]))),
                ifNeeded(ctx, 2, () -> g.neg().mul(x[1].mul(value).div(x[2].mul(x[2])))));
    }

    static int addcdivSaves(Context ctx) {
        return saveIf(ctx, 1, Op.X2) | saveIf(ctx, 2, Op.X1 | Op.X2);
    }

    static Tensor addcmul(Tensor self, Tensor t1, Tensor t2, double value) {
        return new Op("AddcmulBackward0", TernaryOps::addcmulSaves, a -> a[0].addcmul(a[1], a[2], value), addcmulGrads(value))
                .apply(self, t1, t2);
    }

    static Tensor addcdiv(Tensor self, Tensor t1, Tensor t2, double value) {
        return new Op("AddcdivBackward0", TernaryOps::addcdivSaves, a -> a[0].addcdiv(a[1], a[2], value), addcdivGrads(value))
                .apply(self, t1, t2);
    }

    /** LerpBackward0: self {@code grad * (1 - weight)}, end {@code grad * weight}. */
    static Op.Backward lerpGrads(double weight) {
        return (ctx, g, x, r) -> grads(ifNeeded(ctx, 0, () -> g.mul(1 - weight)), ifNeeded(ctx, 1, () -> g.mul(weight)));
    }

    /** LerpBackward1: as LerpBackward0, and weight gets {@code grad * (end - self)}. */
    static final Op.Backward LERP_TENSOR_GRADS = (ctx, g, x, r) -> grads(
            ifNeeded(ctx, 0, () -> g.mul(x[2].rsub(1L))),
            ifNeeded(ctx, 1, () -> g.mul(x[2])),
            ifNeeded(ctx, 2, () -> g.mul(x[1].sub(x[0]))));

    static int lerpTensorSaves(Context ctx) {
        return saveIf(ctx, 0, Op.X2) | saveIf(ctx, 1, Op.X2) | saveIf(ctx, 2, Op.X0 | Op.X1);
    }

    static Tensor lerp(Tensor self, Tensor end, double weight) {
        return new Op("LerpBackward0", Op.NONE, a -> a[0].lerp(a[1], weight), lerpGrads(weight)).apply(self, end);
    }

    static Tensor lerp(Tensor self, Tensor end, Tensor weight) {
        return new Op("LerpBackward1", TernaryOps::lerpTensorSaves, a -> a[0].lerp(a[1], a[2]), LERP_TENSOR_GRADS)
                .apply(self, end, weight);
    }
}
