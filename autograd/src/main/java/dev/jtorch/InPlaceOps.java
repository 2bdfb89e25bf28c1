package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.NDArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * In-place ops ({@code add_}, {@code mul_}, {@code zero_}, ...). Each marks its first input
 * dirty, which bumps the version counter (so saved copies are checked in backward), forbids
 * modifying a leaf that requires grad while recording, and rebases the tensor's history onto
 * the new node.
 */
final class InPlaceOps {
    private InPlaceOps() {}

    /** PyTorch's check_inplace, before anything is written: a recorded in-place op may not touch a leaf that requires grad. */
    static void checkInplace(Context ctx, Tensor self) {
        if (ctx.needsInputGrad(0) && self.isLeaf()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** {@code self.op_(other)} whose gradient is {@code g} for self and {@code gOther(g)} for other. */
    static final class Binary extends Function {
        private final String name;
        private final BiConsumer<NDArray, NDArray> op;
        private final boolean linear;
        private final double otherScale;

        /** A linear update {@code self = self + otherScale * other} (add_, sub_). */
        Binary(String name, BiConsumer<NDArray, NDArray> op, double otherScale) {
            this.name = name;
            this.op = op;
            this.linear = true;
            this.otherScale = otherScale;
        }

        /** {@code self = self * other} (mul_). */
        Binary(String name, BiConsumer<NDArray, NDArray> op) {
            this.name = name;
            this.op = op;
            this.linear = false;
            this.otherScale = 0;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            checkInplace(ctx, in[0]);
            if (!linear && (ctx.needsInputGrad(0) || ctx.needsInputGrad(1))) {
                ctx.saveForBackward(in[0].detach().clone(), in[1]);
            }
            op.accept(in[0].array(), in[1].array());
            ctx.markDirty(in[0]);
            return in[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            if (linear) {
                return new Tensor[] {g, ctx.needsInputGrad(1) ? (otherScale == 1 ? g : g.mul(otherScale)) : null};
            }
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0) ? g.mul(s[1]) : null,
                ctx.needsInputGrad(1) ? g.mul(s[0]) : null};
        }

        @Override
        protected String name() {
            return name;
        }
    }

    /** {@code self.fill_(v)} / {@code self.zero_()}: the old values get no gradient. */
    static final class Fill extends Function {
        private final String name;
        private final Consumer<NDArray> op;

        Fill(String name, Consumer<NDArray> op) {
            this.name = name;
            this.op = op;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            checkInplace(ctx, in[0]);
            op.accept(in[0].array());
            ctx.markDirty(in[0]);
            return in[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {Tensor.zerosLike(g)};
        }

        @Override
        protected String name() {
            return name;
        }
    }

    /** {@code self.copy_(src)}: self's old values get no gradient, src gets g (summed and cast by the engine). */
    static final class Copy extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            checkInplace(ctx, in[0]);
            in[0].array().copy_(in[1].array());
            ctx.markDirty(in[0]);
            return in[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {ctx.needsInputGrad(0) ? Tensor.zerosLike(g) : null, g};
        }

        @Override
        protected String name() {
            return "CopyBackwards";
        }
    }
}
