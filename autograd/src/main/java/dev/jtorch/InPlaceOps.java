package dev.jtorch;

import static dev.jtorch.Op.grads;
import static dev.jtorch.Op.ifNeeded;
import static dev.jtorch.PointwiseOps.saveIf;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.autograd.ViewMeta;
import dev.jtorch.tensor.NDArray;
import java.util.function.Consumer;

/**
 * In-place ops ({@code add_}, {@code mul_}, {@code exp_}, {@code addcmul_}, ...). Each writes with
 * the NDArray in-place kernel (the optimizers rely on its exact numerics), marks its first input
 * dirty (which bumps the version counter, so saved copies are checked in backward), forbids
 * modifying a leaf that requires grad while recording, and rebases the tensor's history onto the
 * new node, whose name and gradient are those of the out-of-place op.
 *
 * <p>A formula that reads {@code self} reads the value before the write: as PyTorch's
 * {@code original_self}, that is a clone taken (with history, for higher-order gradients) only
 * when such a gradient is needed. A formula that reads {@code result} reads self after the write.
 */
final class InPlaceOps {
    private InPlaceOps() {}

    /**
     * PyTorch's check_inplace on {@code in[0]}, before anything is written: when the op records,
     * it may not modify a leaf that requires grad, a view of such a leaf, or a view that may not
     * be modified in place (made under no_grad, by a multi-output op or by a user Function).
     */
    static void checkInplace(Context ctx, Tensor[] in) {
        boolean record = false;
        for (int i = 0; i < in.length; i++) {
            record |= ctx.needsInputGrad(i);
        }
        ViewMeta.checkInplace(in[0], record);
    }

    /**
     * {@code self.op_(others...)}: {@code kernel} writes into {@code a[0]}; {@code saves} names what
     * backward reads, where {@link Op#X0} is self before the write and {@link Op#RESULT} self after.
     */
    static final class InPlace extends Function {
        private final String name;
        private final Op.Saves saves;
        private final Consumer<NDArray[]> kernel;
        private final Op.Backward backward;
        private int arity;
        private int saved;

        InPlace(String name, Op.Saves saves, Consumer<NDArray[]> kernel, Op.Backward backward) {
            this.name = name;
            this.saves = saves;
            this.kernel = kernel;
            this.backward = backward;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            checkInplace(ctx, in);
            arity = in.length;
            int mask = saves.mask(ctx);
            Tensor[] toSave = in.clone();
            if ((mask & Op.X0) != 0) {
                // forward runs under no-grad: record the clone so second-order gradients reach self's history
                try (GradMode.Guard g = GradMode.enableGrad()) {
                    toSave[0] = in[0].clone();
                }
            }
            kernel.accept(Op.arrays(in));
            ctx.markDirty(in[0]);
            saved = Op.save(ctx, mask, toSave, in[0]);
            return in[0];
        }

        /**
         * {@link #apply}, without building a node when none would be recorded (grad mode off, as in
         * every optimizer step, or no input requiring grad): the kernel writes and self's version is
         * bumped, which is all the recorded path does then.
         */
        Tensor run(Tensor... in) {
            if (GradMode.isEnabled() && anyRequiresGrad(in)) {
                return apply(in);
            }
            kernel.accept(Op.arrays(in));
            in[0].bumpVersion();
            return in[0];
        }

        private static boolean anyRequiresGrad(Tensor[] in) {
            for (Tensor t : in) {
                if (t != null && t.requiresGrad()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return Op.run(backward, saved, arity, ctx, g);
        }

        @Override
        protected String name() {
            return name;
        }
    }

    /** A unary in-place op whose gradient {@code grad} reads self before ({@code X0}) or after ({@code RESULT}) the write. */
    static Tensor unary(Tensor self, String name, int saves, Consumer<NDArray> kernel, UnaryMathOps.Grad grad) {
        boolean result = (saves & Op.RESULT) != 0;
        return new InPlace(name, ctx -> saves, a -> kernel.accept(a[0]),
                (ctx, g, x, r) -> grads(grad.apply(g, result ? r : x[0]))).run(self);
    }

    /** A piecewise-constant in-place op: a zero gradient. */
    static Tensor constant(Tensor self, String name, Consumer<NDArray> kernel) {
        return new InPlace(name, ctx -> Op.NONE, a -> kernel.accept(a[0]), (ctx, g, x, r) -> grads(Tensor.zerosLike(g)))
                .run(self);
    }

    // ------------------------------------------------------------------ arithmetic

    /** Whether an in-place op on these inputs would record a node (else it only writes and bumps self's version). */
    private static boolean records(Tensor self, Tensor other) {
        return GradMode.isEnabled() && (self.requiresGrad() || other != null && other.requiresGrad());
    }

    /** The unrecorded in-place op: what {@link InPlace#run} does then, without building the function. */
    private static Tensor written(Tensor self) {
        self.bumpVersion();
        return self;
    }

    static Tensor add_(Tensor self, Tensor other, double alpha) {
        if (!records(self, other)) {
            if (alpha == 1) {
                self.array().add_(other.array());
            } else {
                self.array().add_(other.array(), alpha);
            }
            return written(self);
        }
        return new InPlace("AddBackward0", ctx -> Op.NONE, a -> { if (alpha == 1) a[0].add_(a[1]); else a[0].add_(a[1], alpha); },
                (ctx, g, x, r) -> grads(g, ifNeeded(ctx, 1, () -> alpha == 1 ? g : g.mul(alpha)))).run(self, other);
    }

    static Tensor add_(Tensor self, Tensor other, long alpha) {
        return new InPlace("AddBackward0", ctx -> Op.NONE, a -> a[0].add_(a[1], alpha),
                (ctx, g, x, r) -> grads(g, ifNeeded(ctx, 1, () -> alpha == 1 ? g : g.mul(alpha)))).run(self, other);
    }

    static Tensor sub_(Tensor self, Tensor other, double alpha) {
        return new InPlace("SubBackward0", ctx -> Op.NONE, a -> { if (alpha == 1) a[0].sub_(a[1]); else a[0].sub_(a[1], alpha); },
                (ctx, g, x, r) -> grads(g, ifNeeded(ctx, 1, () -> alpha == 1 ? g.neg() : g.neg().mul(alpha)))).run(self, other);
    }

    /** {@code self op= v} with a Python scalar: the gradient {@code grad} (add, sub) or {@code grad * v} style (mul, div). */
    static Tensor scalar(Tensor self, String name, Consumer<NDArray> kernel, UnaryMathOps.Grad grad) {
        if (!records(self, null)) {
            kernel.accept(self.array());
            return written(self);
        }
        return new InPlace(name, ctx -> Op.NONE, a -> kernel.accept(a[0]), (ctx, g, x, r) -> grads(grad.apply(g, null)))
                .run(self);
    }

    static Tensor mul_(Tensor self, Tensor other) {
        if (!records(self, other)) {
            self.array().mul_(other.array());
            return written(self);
        }
        return new InPlace("MulBackward0", ctx -> saveIf(ctx, 0, Op.X1) | saveIf(ctx, 1, Op.X0), a -> a[0].mul_(a[1]),
                PointwiseOps.MUL_GRADS).run(self, other);
    }

    static Tensor div_(Tensor self, Tensor other) {
        return new InPlace("DivBackward0", ctx -> Op.X1 | saveIf(ctx, 1, Op.X0), a -> a[0].div_(a[1]),
                PointwiseOps.DIV_GRADS).run(self, other);
    }

    static Tensor pow_(Tensor self, double e) {
        return new InPlace("PowBackward0", ctx -> Op.X0, a -> a[0].pow_(e), PointwiseOps.powScalarGrads(e)).run(self);
    }

    static Tensor pow_(Tensor self, long e) {
        return new InPlace("PowBackward0", ctx -> Op.X0, a -> a[0].pow_(e), PointwiseOps.powScalarGrads(e)).run(self);
    }

    static Tensor pow_(Tensor self, Tensor exponent) {
        return new InPlace("PowBackward1", ctx -> Op.X0 | Op.X1 | saveIf(ctx, 1, Op.RESULT), a -> a[0].pow_(a[1]),
                PointwiseOps.POW_GRADS).run(self, exponent);
    }

    // ------------------------------------------------------------------ selections

    static Tensor clamp_(Tensor self, Number min, Number max) {
        return new InPlace("ClampBackward1", ctx -> Op.X0, a -> a[0].clamp_(min, max), new ConditionalOps.ClampGrad(min, max))
                .run(self);
    }

    static Tensor clampMin_(Tensor self, Number min) {
        return new InPlace("ClampMinBackward0", ctx -> Op.X0, a -> a[0].clampMin_(min), new ConditionalOps.ClampGrad(min, null))
                .run(self);
    }

    static Tensor clampMax_(Tensor self, Number max) {
        return new InPlace("ClampMaxBackward0", ctx -> Op.X0, a -> a[0].clampMax_(max), new ConditionalOps.ClampGrad(null, max))
                .run(self);
    }

    static Tensor maskedFill_(Tensor self, Tensor mask, double value) {
        return new InPlace("MaskedFillBackward0", ctx -> Op.X1, a -> a[0].maskedFill_(a[1], value),
                (ctx, g, x, r) -> grads(g.maskedFill(x[1], 0.0), null)).run(self, mask);
    }

    static Tensor maskedFill_(Tensor self, Tensor mask, long value) {
        return new InPlace("MaskedFillBackward0", ctx -> Op.X1, a -> a[0].maskedFill_(a[1], value),
                (ctx, g, x, r) -> grads(g.maskedFill(x[1], 0.0), null)).run(self, mask);
    }

    static Tensor maskedFill_(Tensor self, Tensor mask, Tensor value) {
        return new InPlace("MaskedFillBackward1", ctx -> Op.X1, a -> a[0].maskedFill_(a[1], a[2]), (ctx, g, x, r) -> grads(
                ifNeeded(ctx, 0, () -> g.maskedFill(x[1], 0.0)), null,
                ifNeeded(ctx, 2, () -> Tensor.where(x[1], g, 0.0).sum()))).run(self, mask, value);
    }

    // ------------------------------------------------------------------ fused updates

    static Tensor addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
        return new InPlace("AddcmulBackward0", TernaryOps::addcmulSaves, a -> a[0].addcmul_(a[1], a[2], value),
                TernaryOps.addcmulGrads(value)).run(self, t1, t2);
    }

    static Tensor addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
        return new InPlace("AddcdivBackward0", TernaryOps::addcdivSaves, a -> a[0].addcdiv_(a[1], a[2], value),
                TernaryOps.addcdivGrads(value)).run(self, t1, t2);
    }

    static Tensor lerp_(Tensor self, Tensor end, double weight) {
        return new InPlace("LerpBackward0", ctx -> Op.NONE, a -> a[0].lerp_(a[1], weight), TernaryOps.lerpGrads(weight))
                .run(self, end);
    }

    static Tensor lerp_(Tensor self, Tensor end, Tensor weight) {
        return new InPlace("LerpBackward1", TernaryOps::lerpTensorSaves, a -> a[0].lerp_(a[1], a[2]),
                TernaryOps.LERP_TENSOR_GRADS).run(self, end, weight);
    }

    // ------------------------------------------------------------------ fill, zero, copy

    /** {@code self.fill_(v)} (FillBackward2) / {@code self.zero_()} (ZeroBackward0): the old values get no gradient. */
    static Tensor fill(Tensor self, String name, Consumer<NDArray> kernel) {
        return constant(self, name, kernel);
    }

    /** {@code self.copy_(src)}: self's old values get no gradient, src gets g (summed and cast by the engine). */
    static Tensor copy_(Tensor self, Tensor src) {
        return new InPlace("CopyBackwards", ctx -> Op.NONE, a -> a[0].copy_(a[1]),
                (ctx, g, x, r) -> grads(ifNeeded(ctx, 0, () -> Tensor.zerosLike(g)), g)).run(self, src);
    }
}
