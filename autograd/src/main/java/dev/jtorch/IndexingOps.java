package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Shapes;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Differentiable indexing: reads ({@code index_select}, {@code gather}, {@code take},
 * {@code masked_select}) whose backward accumulates the gradient into zeros of the input's
 * shape, and writes ({@code scatter}, {@code scatter_add}, {@code index_add}, {@code index_copy},
 * {@code index_fill}, out of place or in place) whose backward masks or gathers it. Backward
 * formulas are PyTorch's (derivatives.yaml) and are written with these same ops, so they are
 * differentiable again. Index tensors are saved for backward, so modifying one in place before
 * backward raises PyTorch's error.
 */
final class IndexingOps {
    private IndexingOps() {}

    /** {@code index_select}: backward {@code zeros(self).index_add_(dim, index, g)}. */
    static final class IndexSelect extends Function {
        private final int dim;
        private final Tensor index;
        private int[] inputShape;

        IndexSelect(int dim, Tensor index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            ctx.saveForBackward(index);
            return new Tensor(in[0].array().indexSelect(dim, index.array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor i = ctx.savedTensors()[0];
            return new Tensor[] {Tensor.zeros(g.dtype(), inputShape).indexAdd(dim, i, g)};
        }

        @Override
        protected String name() {
            return "IndexSelectBackward0";
        }
    }

    /** {@code gather}: backward {@code zeros(self).scatter_add(dim, index, g)}. */
    static final class Gather extends Function {
        private final int dim;
        private final Tensor index;
        private int[] inputShape;

        Gather(int dim, Tensor index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            ctx.saveForBackward(index);
            return new Tensor(in[0].array().gather(dim, index.array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor i = ctx.savedTensors()[0];
            return new Tensor[] {Tensor.zeros(g.dtype(), inputShape).scatterAdd(dim, i, g)};
        }

        @Override
        protected String name() {
            return "GatherBackward0";
        }
    }

    /**
     * {@code take}: backward accumulates g at the (wrapped) flat indices of zeros of self's shape,
     * PyTorch's {@code zeros_like(self).put_(index, grad, accumulate=True)}, written as an
     * {@code index_add} on the flattened zeros.
     */
    static final class Take extends Function {
        private final Tensor index;
        private int[] inputShape;

        Take(Tensor index) {
            this.index = index;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            NDArray out = in[0].array().take(index.array());
            ctx.saveForBackward(index);
            return new Tensor(out);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor i = ctx.savedTensors()[0];
            int n = Shapes.numel(inputShape);
            long[] flat = i.array().toLongArray();
            for (int k = 0; k < flat.length; k++) {
                flat[k] = flat[k] < 0 ? flat[k] + n : flat[k];
            }
            Tensor wrapped = new Tensor(NDArray.wrap(flat, flat.length));
            return new Tensor[] {Tensor.zeros(g.dtype(), n).indexAdd(0, wrapped, g.reshape(-1)).reshape(inputShape)};
        }

        @Override
        protected String name() {
            return "TakeBackward0";
        }
    }

    /**
     * {@code masked_select}: backward writes g at the selected positions of zeros of the broadcast
     * shape (PyTorch's {@code masked_scatter_}); the engine sums it back to self's shape.
     */
    static final class MaskedSelect extends Function {
        private final Tensor mask;
        private int[] broadcastShape;

        MaskedSelect(Tensor mask) {
            this.mask = mask;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray out = in[0].array().maskedSelect(mask.array());
            broadcastShape = Shapes.broadcast(mask.sizes(), in[0].sizes());
            ctx.saveForBackward(mask);
            return new Tensor(out);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            NDArray m = ctx.savedTensors()[0].array();
            int n = Shapes.numel(broadcastShape);
            Tensor positions = new Tensor(NDArray.arange(n).view(broadcastShape).maskedSelect(m));
            return new Tensor[] {Tensor.zeros(g.dtype(), n).indexAdd(0, positions, g).view(broadcastShape)};
        }

        @Override
        protected String name() {
            return "MaskedSelectBackward0";
        }
    }

    /**
     * An op that writes into {@code self} at indexed positions, in place or into a copy: inputs
     * are {@code self} and, when the op writes a tensor, {@code src}. {@code selfGrad} and
     * {@code srcGrad} map {@code (g, index)} to the gradients.
     */
    static final class Write extends Function {
        private final String name;
        private final boolean inPlace;
        private final Tensor index;
        private final BiConsumer<NDArray, Tensor[]> write;
        private final BiFunction<Tensor, Tensor, Tensor> selfGrad;
        private final BiFunction<Tensor, Tensor, Tensor> srcGrad;

        Write(String name, boolean inPlace, Tensor index, BiConsumer<NDArray, Tensor[]> write,
                BiFunction<Tensor, Tensor, Tensor> selfGrad, BiFunction<Tensor, Tensor, Tensor> srcGrad) {
            this.name = name;
            this.inPlace = inPlace;
            this.index = index;
            this.write = write;
            this.selfGrad = selfGrad;
            this.srcGrad = srcGrad;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            if (inPlace) {
                InPlaceOps.checkInplace(ctx, in);
            }
            NDArray target = inPlace ? in[0].array() : in[0].array().clone();
            write.accept(target, in);
            ctx.saveForBackward(index);
            if (!inPlace) {
                return new Tensor(target);
            }
            ctx.markDirty(in[0]);
            return in[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor i = ctx.savedTensors()[0];
            Tensor gSelf = ctx.needsInputGrad(0) ? selfGrad.apply(g, i) : null;
            if (srcGrad == null) {
                return new Tensor[] {gSelf};
            }
            return new Tensor[] {gSelf, ctx.needsInputGrad(1) ? srcGrad.apply(g, i) : null};
        }

        @Override
        protected String name() {
            return name;
        }
    }

    static Tensor scatter(Tensor self, int dim, Tensor index, Tensor src, boolean inPlace) {
        return new Write("ScatterBackward0", inPlace, index, (t, in) -> t.scatter_(dim, index.array(), in[1].array()),
                (g, i) -> g.scatter(dim, i, 0.0), (g, i) -> g.gather(dim, i)).apply(self, src);
    }

    static Tensor scatter(Tensor self, int dim, Tensor index, double value, boolean inPlace) {
        return new Write("ScatterBackward1", inPlace, index, (t, in) -> t.scatter_(dim, index.array(), value),
                (g, i) -> g.scatter(dim, i, 0.0), null).apply(self);
    }

    static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src, boolean inPlace) {
        return new Write("ScatterAddBackward0", inPlace, index, (t, in) -> t.scatterAdd_(dim, index.array(), in[1].array()),
                (g, i) -> g, (g, i) -> g.gather(dim, i)).apply(self, src);
    }

    static Tensor indexAdd(Tensor self, int dim, Tensor index, Tensor source, double alpha, boolean inPlace) {
        return new Write("IndexAddBackward0", inPlace, index,
                (t, in) -> t.indexAdd_(dim, index.array(), in[1].array(), alpha),
                (g, i) -> g, (g, i) -> alpha == 1 ? g.indexSelect(dim, i) : g.indexSelect(dim, i).mul(alpha))
                .apply(self, source);
    }

    static Tensor indexCopy(Tensor self, int dim, Tensor index, Tensor source, boolean inPlace) {
        return new Write("IndexCopyBackward0", inPlace, index, (t, in) -> t.indexCopy_(dim, index.array(), in[1].array()),
                (g, i) -> g.indexFill(dim, i, 0.0), (g, i) -> g.indexSelect(dim, i)).apply(self, source);
    }

    static Tensor indexFill(Tensor self, int dim, Tensor index, double value, boolean inPlace) {
        return new Write("IndexFillBackward0", inPlace, index, (t, in) -> t.indexFill_(dim, index.array(), value),
                (g, i) -> g.indexFill(dim, i, 0.0), null).apply(self);
    }

    /** Results that carry no gradient (nonzero, one_hot): never recorded. */
    static Tensor noGrad(NDArray result) {
        return new Tensor(result);
    }
}
