package dev.jtorch;

import static dev.jtorch.Op.grads;
import static dev.jtorch.Op.ifNeeded;

import dev.jtorch.tensor.NDArray;

/**
 * Differentiable selections: {@code clamp} (Scalar and Tensor bounds), {@code clamp_min},
 * {@code clamp_max}, {@code where} and {@code masked_fill}. The gradient goes to whichever input
 * was selected; clamp gives the subgradient 1 on its bounds, as PyTorch does.
 */
final class ConditionalOps {
    private ConditionalOps() {}

    /** {@code self >= bound} for a Python-number bound (a {@code Double} is a float, others ints). */
    static Tensor ge(Tensor self, Number bound) {
        return isFloat(bound) ? self.ge(bound.doubleValue()) : self.ge(bound.longValue());
    }

    static Tensor le(Tensor self, Number bound) {
        return isFloat(bound) ? self.le(bound.doubleValue()) : self.le(bound.longValue());
    }

    private static boolean isFloat(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    /** clamp_backward (ClampBackward1): gradient where {@code min <= self <= max}. */
    static final class ClampGrad implements Op.Backward {
        private final Number min;
        private final Number max;

        ClampGrad(Number min, Number max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Tensor[] apply(dev.jtorch.autograd.Context ctx, Tensor g, Tensor[] x, Tensor r) {
            Tensor inside = min != null && max != null ? ge(x[0], min).logicalAnd(le(x[0], max))
                    : min != null ? ge(x[0], min) : le(x[0], max);
            return grads(Tensor.where(inside, g, 0.0));
        }
    }

    static Tensor clamp(Tensor self, Number min, Number max) {
        return new Op("ClampBackward1", Op.X0, a -> a[0].clamp(min, max), new ClampGrad(min, max)).apply(self);
    }

    static Tensor clampMin(Tensor self, Number min) {
        return new Op("ClampMinBackward0", Op.X0, a -> a[0].clampMin(min), new ClampGrad(min, null)).apply(self);
    }

    static Tensor clampMax(Tensor self, Number max) {
        return new Op("ClampMaxBackward0", Op.X0, a -> a[0].clampMax(max), new ClampGrad(null, max)).apply(self);
    }

    /**
     * {@code torch.clamp(self, min, max)} with tensor bounds (either may be null), ClampBackward0:
     * self where {@code min <= self <= max}; min where {@code self < min} (and {@code min < max});
     * max where {@code self > max} (or {@code max < min}, where the result is max).
     */
    static Tensor clamp(Tensor self, Tensor min, Tensor max) {
        return new Op("ClampBackward0", Op.INPUTS, a -> a[0].clamp(a[1], a[2]), (ctx, g, x, r) -> {
            Tensor s = x[0];
            Tensor lo = x[1];
            Tensor hi = x[2];
            boolean both = lo != null && hi != null;
            return grads(
                    ifNeeded(ctx, 0, () -> Tensor.where(both ? s.ge(lo).logicalAnd(s.le(hi)) : lo != null ? s.ge(lo) : s.le(hi),
                            g, 0.0)),
                    ifNeeded(ctx, 1, () -> Tensor.where(both ? s.lt(lo).logicalAnd(lo.lt(hi)) : s.lt(lo), g, 0.0)),
                    ifNeeded(ctx, 2, () -> Tensor.where(both ? s.gt(hi).logicalOr(hi.lt(lo)) : s.gt(hi), g, 0.0)));
        }).apply(self, min, max);
    }

    /** clamp_min with a tensor bound (ClampMinBackward1). */
    static Tensor clampMin(Tensor self, Tensor min) {
        return new Op("ClampMinBackward1", Op.X0 | Op.X1, a -> a[0].clamp(a[1], null), (ctx, g, x, r) -> grads(
                ifNeeded(ctx, 0, () -> Tensor.where(x[0].ge(x[1]), g, 0.0)),
                ifNeeded(ctx, 1, () -> Tensor.where(x[0].lt(x[1]), g, 0.0)))).apply(self, min);
    }

    /** clamp_max with a tensor bound (ClampMaxBackward1). */
    static Tensor clampMax(Tensor self, Tensor max) {
        return new Op("ClampMaxBackward1", Op.X0 | Op.X1, a -> a[0].clamp(null, a[1]), (ctx, g, x, r) -> grads(
                ifNeeded(ctx, 0, () -> Tensor.where(x[0].le(x[1]), g, 0.0)),
                ifNeeded(ctx, 1, () -> Tensor.where(x[0].gt(x[1]), g, 0.0)))).apply(self, max);
    }

    // ------------------------------------------------------------------ where

    /** WhereBackward0: {@code where(cond, grad, 0)} to input, {@code where(cond, 0, grad)} to other. */
    static Tensor where(Tensor cond, Tensor input, Tensor other) {
        return new Op("WhereBackward0", Op.X0, a -> NDArray.where(a[0], a[1], a[2]), (ctx, g, x, r) -> grads(null,
                ifNeeded(ctx, 1, () -> where(x[0], g, 0.0)),
                ifNeeded(ctx, 2, () -> where(x[0], 0.0, g)))).apply(cond, input, other);
    }

    static Tensor where(Tensor cond, Tensor input, Number other) {
        return new Op("WhereBackward0", Op.X0, a -> NDArray.where(a[0], a[1], other),
                (ctx, g, x, r) -> grads(null, where(x[0], g, 0.0))).apply(cond, input);
    }

    static Tensor where(Tensor cond, Number input, Tensor other) {
        return new Op("WhereBackward0", Op.X0, a -> NDArray.where(a[0], input, a[1]),
                (ctx, g, x, r) -> grads(null, where(x[0], 0.0, g))).apply(cond, other);
    }

    // ------------------------------------------------------------------ masked_fill

    /** MaskedFillBackward0: the filled positions get no gradient. */
    static Tensor maskedFill(Tensor self, Tensor mask, double value) {
        return new Op("MaskedFillBackward0", Op.X1, a -> a[0].maskedFill(a[1], value),
                (ctx, g, x, r) -> grads(g.maskedFill(x[1], 0.0), null)).apply(self, mask);
    }

    static Tensor maskedFill(Tensor self, Tensor mask, long value) {
        return new Op("MaskedFillBackward0", Op.X1, a -> a[0].maskedFill(a[1], value),
                (ctx, g, x, r) -> grads(g.maskedFill(x[1], 0.0), null)).apply(self, mask);
    }

    /** MaskedFillBackward1: a 0-d tensor value gets the sum of the gradient at the filled positions. */
    static Tensor maskedFill(Tensor self, Tensor mask, Tensor value) {
        return new Op("MaskedFillBackward1", Op.X1, a -> a[0].maskedFill(a[1], a[2]), (ctx, g, x, r) -> grads(
                ifNeeded(ctx, 0, () -> g.maskedFill(x[1], 0.0)), null,
                ifNeeded(ctx, 2, () -> where(x[1], g, 0.0).sum()))).apply(self, mask, value);
    }
}
