package dev.jtorch;

import static dev.jtorch.Op.grads;
import static dev.jtorch.Op.ifNeeded;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Promotion;

/**
 * Differentiable binary arithmetic ({@code add}, {@code mul}, {@code pow}, {@code maximum},
 * {@code remainder}, ...), each a forward and PyTorch's derivatives.yaml formula side by side.
 * Broadcast gradients are summed back to each input's shape by the engine, not here.
 *
 * <p>A Java {@code double} acts as a Python float and a {@code long} as a Python int: the op
 * computes with the NDArray scalar overload (PyTorch's wrapped-number promotion) and its node
 * has the name PyTorch's Python API records ({@code x * 2.0} is {@code MulBackward0}).
 */
final class PointwiseOps {
    private PointwiseOps() {}

    /** Save input i when the gradient of input j is needed (PyTorch saves only what is read). */
    static int saveIf(Context ctx, int j, int mask) {
        return ctx.needsInputGrad(j) ? mask : Op.NONE;
    }

    /** A 0-d tensor of the Python-float scalar {@code v} in the default dtype. */
    static Tensor scalar(double v) {
        return new Tensor(NDArray.scalar(v, DType.defaultFloat()));
    }

    /** A 0-d int64 tensor of the Python-int scalar {@code v}. */
    static Tensor scalar(long v) {
        return new Tensor(NDArray.scalar(v, DType.INT64));
    }

    /** A scalar operand in the dtype the op would compute in, so no promotion widens the result. */
    static Tensor scalarFor(Tensor t, double v) {
        return new Tensor(NDArray.scalar(v, Promotion.of(t.array(), v)));
    }

    // ------------------------------------------------------------------ add, sub, rsub

    static Tensor add(Tensor a, Tensor b, double alpha) {
        return new Op("AddBackward0", Op.NONE, x -> alpha == 1 ? x[0].add(x[1]) : x[0].add(x[1], alpha),
                (ctx, g, x, r) -> grads(g, ifNeeded(ctx, 1, () -> alpha == 1 ? g : g.mul(alpha)))).apply(a, b);
    }

    static Tensor add(Tensor a, Tensor b, long alpha) {
        return new Op("AddBackward0", Op.NONE, x -> x[0].add(x[1], alpha),
                (ctx, g, x, r) -> grads(g, ifNeeded(ctx, 1, () -> alpha == 1 ? g : g.mul(alpha)))).apply(a, b);
    }

    static Tensor add(Tensor a, double v) {
        return new Op("AddBackward0", Op.NONE, x -> x[0].add(v), (ctx, g, x, r) -> grads(g)).apply(a);
    }

    static Tensor add(Tensor a, long v) {
        return new Op("AddBackward0", Op.NONE, x -> x[0].add(v), (ctx, g, x, r) -> grads(g)).apply(a);
    }

    static Tensor sub(Tensor a, Tensor b, double alpha) {
        return new Op("SubBackward0", Op.NONE, x -> alpha == 1 ? x[0].sub(x[1]) : x[0].sub(x[1], alpha),
                (ctx, g, x, r) -> grads(g, ifNeeded(ctx, 1, () -> alpha == 1 ? g.neg() : g.neg().mul(alpha)))).apply(a, b);
    }

    static Tensor sub(Tensor a, double v) {
        return new Op("SubBackward0", Op.NONE, x -> x[0].sub(v), (ctx, g, x, r) -> grads(g)).apply(a);
    }

    static Tensor sub(Tensor a, long v) {
        return new Op("SubBackward0", Op.NONE, x -> x[0].sub(v), (ctx, g, x, r) -> grads(g)).apply(a);
    }

    /** {@code torch.rsub(self, other)} = {@code other - self}. */
    static Tensor rsub(Tensor self, Tensor other) {
        return new Op("RsubBackward0", Op.NONE, x -> x[1].sub(x[0]),
                (ctx, g, x, r) -> grads(ifNeeded(ctx, 0, g::neg), g)).apply(self, other);
    }

    /** {@code v - self} with a Python float (PyTorch's {@code rsub.Scalar}). */
    static Tensor rsub(Tensor self, double v) {
        return new Op("RsubBackward1", Op.NONE, x -> NDArray.scalar(v, Promotion.of(x[0], v)).sub(x[0]),
                (ctx, g, x, r) -> grads(g.neg())).apply(self);
    }

    /** {@code v - self} with a Python int. */
    static Tensor rsub(Tensor self, long v) {
        return new Op("RsubBackward1", Op.NONE, x -> scalarLike(x[0], v).sub(x[0]), (ctx, g, x, r) -> grads(g.neg()))
                .apply(self);
    }

    /** A Python int as a 0-d array in the dtype {@code self op v} computes in (exact for int64). */
    static NDArray scalarLike(NDArray self, long v) {
        DType t = new Promotion().add(self).addScalar(v).result();
        return t == DType.INT64 ? NDArray.wrap(new long[] {v}) : NDArray.scalar(v, t);
    }

    // ------------------------------------------------------------------ mul, div

    /** mul's gradients: {@code grad * other} and {@code grad * self}. */
    static final Op.Backward MUL_GRADS = (ctx, g, x, r) -> grads(
            ifNeeded(ctx, 0, () -> g.mul(x[1])), ifNeeded(ctx, 1, () -> g.mul(x[0])));

    static Tensor mul(Tensor a, Tensor b) {
        return new Op("MulBackward0", ctx -> saveIf(ctx, 0, Op.X1) | saveIf(ctx, 1, Op.X0), x -> x[0].mul(x[1]), MUL_GRADS)
                .apply(a, b);
    }

    static Tensor mul(Tensor a, double v) {
        return new Op("MulBackward0", Op.NONE, x -> x[0].mul(v), (ctx, g, x, r) -> grads(g.mul(v))).apply(a);
    }

    static Tensor mul(Tensor a, long v) {
        return new Op("MulBackward0", Op.NONE, x -> x[0].mul(v), (ctx, g, x, r) -> grads(g.mul(v))).apply(a);
    }

    /** div's gradients: {@code grad / other} and {@code -grad * ((self / other) / other)}. */
    static final Op.Backward DIV_GRADS = (ctx, g, x, r) -> grads(
            ifNeeded(ctx, 0, () -> g.div(x[1])),
            ifNeeded(ctx, 1, () -> g.neg().mul(x[0].div(x[1]).div(x[1]))));

    static Tensor div(Tensor a, Tensor b) {
        return new Op("DivBackward0", ctx -> Op.X1 | saveIf(ctx, 1, Op.X0), x -> x[0].div(x[1]), DIV_GRADS).apply(a, b);
    }

    static Tensor div(Tensor a, double v) {
        return new Op("DivBackward0", Op.NONE, x -> x[0].div(v), (ctx, g, x, r) -> grads(g.div(v))).apply(a);
    }

    static Tensor div(Tensor a, long v) {
        return new Op("DivBackward0", Op.NONE, x -> x[0].div(v), (ctx, g, x, r) -> grads(g.div(v))).apply(a);
    }

    /** {@code torch.div(self, other, rounding_mode=mode)}: with a mode the gradients are {@code grad * 0}. */
    static Tensor div(Tensor a, Tensor b, String mode) {
        return new Op("DivBackward2", ctx -> mode == null ? Op.X1 | saveIf(ctx, 1, Op.X0) : Op.NONE,
                x -> x[0].div(x[1], mode),
                (ctx, g, x, r) -> mode == null ? DIV_GRADS.apply(ctx, g, x, r)
                        : grads(ifNeeded(ctx, 0, () -> g.mul(0L)), ifNeeded(ctx, 1, () -> g.mul(0L)))).apply(a, b);
    }

    static Tensor div(Tensor a, double v, String mode) {
        return new Op("DivBackward3", Op.NONE, x -> x[0].div(v, mode),
                (ctx, g, x, r) -> grads(mode == null ? g.div(v) : g.mul(0L))).apply(a);
    }

    // ------------------------------------------------------------------ pow

    /** PowBackward0: {@code exponent == 0 ? zeros : grad * (exponent * self.pow(exponent - 1))}. */
    static Op.Backward powScalarGrads(double e) {
        return (ctx, g, x, r) -> grads(e == 0 ? Tensor.zerosLike(x[0]) : g.mul(x[0].pow(e - 1).mul(e)));
    }

    static Tensor pow(Tensor self, double e) {
        return new Op("PowBackward0", Op.X0, x -> x[0].pow(e), powScalarGrads(e)).apply(self);
    }

    static Tensor pow(Tensor self, long e) {
        return new Op("PowBackward0", Op.X0, x -> x[0].pow(e), powScalarGrads(e)).apply(self);
    }

    /** PowBackward1's gradients: PyTorch's pow_backward_self and pow_backward_exponent. */
    static final Op.Backward POW_GRADS = (ctx, g, x, r) -> grads(
            ifNeeded(ctx, 0, () -> Tensor.where(x[1].eq(0.0), 0.0, g.mul(x[1].mul(x[0].pow(x[1].sub(1L)))))),
            ifNeeded(ctx, 1, () -> g.mul(Tensor.where(x[0].eq(0.0).logicalAnd(x[1].ge(0.0)), 0.0,
                    r.mul(x[0].to(r.dtype()).log())))));

    static Tensor pow(Tensor self, Tensor exponent) {
        return new Op("PowBackward1", ctx -> Op.X0 | Op.X1 | saveIf(ctx, 1, Op.RESULT), x -> x[0].pow(x[1]), POW_GRADS)
                .apply(self, exponent);
    }

    /** {@code torch.pow(base, exponent)} with a Python-number base: {@code grad * result * log(base)}. */
    static Tensor pow(double base, Tensor exponent) {
        return new Op("PowBackward2", Op.X0 | Op.RESULT,
                x -> NDArray.scalar(base, Promotion.of(x[0], base)).pow(x[0]),
                (ctx, g, x, r) -> grads(base == 0
                        ? g.mul(Tensor.where(x[0].ge(0.0), 0.0, r.mul(Math.log(base))))
                        : g.mul(r.mul(Math.log(base))))).apply(exponent);
    }

    // ------------------------------------------------------------------ maximum, minimum, atan2

    /** maximum/minimum: the larger (smaller) input gets the gradient, ties split it in halves. */
    static Tensor extremum(Tensor a, Tensor b, boolean max) {
        return new Op(max ? "MaximumBackward0" : "MinimumBackward0", Op.X0 | Op.X1,
                x -> max ? x[0].maximum(x[1]) : x[0].minimum(x[1]),
                (ctx, g, x, r) -> {
                    Tensor split = Tensor.where(x[0].eq(x[1]), g.div(2L), g);
                    return grads(
                            ifNeeded(ctx, 0, () -> split.maskedFill(max ? x[0].lt(x[1]) : x[0].gt(x[1]), 0.0)),
                            ifNeeded(ctx, 1, () -> split.maskedFill(max ? x[0].gt(x[1]) : x[0].lt(x[1]), 0.0)));
                }).apply(a, b);
    }

    static Tensor atan2(Tensor self, Tensor other) {
        return new Op("Atan2Backward0", Op.X0 | Op.X1, x -> x[0].atan2(x[1]), (ctx, g, x, r) -> {
            Tensor recip = x[0].mul(x[0]).add(x[1].mul(x[1])).reciprocal();
            return grads(ifNeeded(ctx, 0, () -> g.mul(x[1]).mul(recip)),
                    ifNeeded(ctx, 1, () -> g.mul(x[0].neg()).mul(recip)));
        }).apply(self, other);
    }

    // ------------------------------------------------------------------ remainder, fmod

    /**
     * remainder ({@code floor}) and fmod ({@code trunc}): {@code self - q * other} with q constant
     * almost everywhere, so self gets {@code grad} and other {@code -grad * self.div(other, mode)}.
     */
    static Tensor modulo(Tensor self, Tensor other, boolean remainder) {
        String mode = remainder ? "floor" : "trunc";
        return new Op(remainder ? "RemainderBackward1" : "FmodBackward1", ctx -> saveIf(ctx, 1, Op.X0 | Op.X1),
                x -> remainder ? x[0].remainder(x[1]) : x[0].fmod(x[1]),
                (ctx, g, x, r) -> grads(g, ifNeeded(ctx, 1, () -> g.neg().mul(x[0].div(x[1], mode))))).apply(self, other);
    }

    static Tensor modulo(Tensor self, double v, boolean remainder) {
        return new Op(remainder ? "RemainderBackward0" : "FmodBackward0", Op.NONE,
                x -> remainder ? x[0].remainder(v) : x[0].fmod(v), (ctx, g, x, r) -> grads(g)).apply(self);
    }

    static Tensor modulo(Tensor self, long v, boolean remainder) {
        return new Op(remainder ? "RemainderBackward0" : "FmodBackward0", Op.NONE,
                x -> remainder ? x[0].remainder(v) : x[0].fmod(v), (ctx, g, x, r) -> grads(g)).apply(self);
    }

    // ------------------------------------------------------------------ dtype and copies

    /** {@code tensor.to(dtype)}: the gradient is cast back by the engine. */
    static final class ToDtype extends Function {
        private final DType target;

        ToDtype(DType target) {
            this.target = target;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(in[0].array().to(target) == in[0].array() ? in[0].array().clone() : in[0].array().to(target));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g};
        }

        @Override
        protected String name() {
            return "ToCopyBackward0";
        }
    }

    /** {@code tensor.clone()}. */
    static final class Clone extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(in[0].array().clone());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g};
        }

        @Override
        protected String name() {
            return "CloneBackward0";
        }
    }

    /** Comparisons, logical ops and classifications: not differentiable, never recorded. */
    static Tensor noGrad(NDArray result) {
        return new Tensor(result);
    }
}
