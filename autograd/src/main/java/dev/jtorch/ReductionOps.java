package dev.jtorch;

import static dev.jtorch.Op.grads;
import static dev.jtorch.ReductionGrads.cat;
import static dev.jtorch.ReductionGrads.flip;
import static dev.jtorch.ReductionGrads.reduced;
import static dev.jtorch.ReductionGrads.restore;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.autograd.MultiOutputFunction;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Shapes;
import dev.jtorch.tensor.ValuesIndices;

/**
 * Differentiable reductions: {@code sum}, {@code mean}, {@code prod}, {@code max}/{@code min}
 * (all elements, or values and indices along a dim), {@code amax}/{@code amin}, with PyTorch's
 * gradient formulas (ties share the gradient of max/min/amax evenly; prod handles zeros);
 * plus the non-differentiable {@code argmax}, {@code all}, {@code any}. Dims may be negative;
 * no dims (or null) reduces every dim.
 */
final class ReductionOps {
    private ReductionOps() {}

    // ------------------------------------------------------------------ sum, mean

    static Tensor sum(Tensor t) {
        int[] shape = t.sizes();
        return new Op("SumBackward0", Op.NONE, a -> a[0].sum(), (ctx, g, x, r) -> grads(g.expand(shape))).apply(t);
    }

    /** sum_backward: the gradient with the reduced dims restored, expanded to the input's shape. */
    static Tensor sum(Tensor t, int[] dims, boolean keepdim) {
        int[] shape = t.sizes();
        return new Op("SumBackward1", Op.NONE, a -> a[0].sum(dims, keepdim),
                (ctx, g, x, r) -> grads(restore(g, reduced(dims, shape.length), keepdim).expand(shape))).apply(t);
    }

    static Tensor mean(Tensor t) {
        int[] shape = t.sizes();
        long n = t.numel();
        return new Op("MeanBackward0", Op.NONE, a -> a[0].mean(), (ctx, g, x, r) -> grads(g.expand(shape).div(n))).apply(t);
    }

    /** mean_backward: sum_backward divided by the number of elements reduced into each output. */
    static Tensor mean(Tensor t, int[] dims, boolean keepdim) {
        int[] shape = t.sizes();
        return new Op("MeanBackward1", Op.NONE, a -> a[0].mean(dims, keepdim), (ctx, g, x, r) -> {
            boolean[] m = reduced(dims, shape.length);
            long n = 1;
            for (int d = 0; d < shape.length; d++) {
                n *= m[d] ? shape[d] : 1;
            }
            return grads(restore(g, m, keepdim).expand(shape).div(n));
        }).apply(t);
    }

    // ------------------------------------------------------------------ prod

    static Tensor prod(Tensor t) {
        return new Op("ProdBackward0", Op.X0 | Op.RESULT, a -> a[0].prod(), (ctx, g, x, r) -> {
            if (x[0].dim() == 0) {
                return grads(g);
            }
            long zeros = countZeros(x[0]);
            if (zeros == 0) {
                return grads(g.mul(r.div(x[0])));
            }
            if (!GradMode.isEnabled() && zeros > 1) {
                return grads(Tensor.zerosLike(x[0]));
            }
            return grads(prodSafeZeros(g, x[0].contiguous().view(-1), 0).view(x[0].sizes()));
        }).apply(t);
    }

    static Tensor prod(Tensor t, int dim, boolean keepdim) {
        return new Op("ProdBackward1", Op.X0 | Op.RESULT, a -> a[0].prod(dim, keepdim), (ctx, g, x, r) -> {
            if (x[0].dim() == 0) {
                return grads(g);
            }
            int d = Shapes.wrapDim(dim, x[0].dim());
            Tensor gd = keepdim ? g : g.unsqueeze(d);
            Tensor rd = keepdim ? r : r.unsqueeze(d);
            return grads(countZeros(x[0]) == 0 ? gd.mul(rd.div(x[0])) : prodSafeZeros(gd, x[0], d));
        }).apply(t);
    }

    private static long countZeros(Tensor x) {
        return x.array().eq(0.0).sum().itemLong();
    }

    /**
     * PyTorch's prod_safe_zeros_backward: the product of all other elements of each slice as
     * (exclusive cumprod from the left) * (exclusive cumprod from the right), no division.
     */
    static Tensor prodSafeZeros(Tensor g, Tensor in, int dim) {
        if (in.numel() == 0) {
            return g.expandAs(in);
        }
        int n = in.size(dim);
        int[] onesSize = in.sizes();
        onesSize[dim] = 1;
        Tensor ones = new Tensor(NDArray.ones(g.dtype(), onesSize));
        Tensor exclusiveNormal = cat(new Tensor[] {ones, in.narrow(dim, 0, n - 1)}, dim).cumprod(dim);
        Tensor narrowReverse = flip(in.narrow(dim, 1, n - 1), dim);
        Tensor exclusiveReverse = flip(cat(new Tensor[] {ones, narrowReverse}, dim).cumprod(dim), dim);
        return g.mul(exclusiveNormal.mul(exclusiveReverse));
    }

    // ------------------------------------------------------------------ max, min, amax, amin

    /** max()/min() of all elements (MaxBackward1): evenly_distribute_backward, ties share the gradient. */
    static Tensor extremum(Tensor t, boolean max) {
        return new Op(max ? "MaxBackward1" : "MinBackward1", Op.X0 | Op.RESULT, a -> max ? a[0].max() : a[0].min(),
                (ctx, g, x, r) -> {
                    Tensor mask = r.isnan().item() != 0 ? x[0].isnan() : x[0].eq(r);
                    return grads(Tensor.where(mask, g.div(mask.sum()), 0.0));
                }).apply(t);
    }

    /** max/min along a dim: values (MaxBackward0, the gradient scattered to the indices) and indices. */
    static MaxMin extremum(Tensor t, int dim, boolean keepdim, boolean max) {
        Tensor[] out = new ValueSelecting(dim, keepdim, max).apply(t);
        return new MaxMin(out[0], out[1]);
    }

    private static final class ValueSelecting extends MultiOutputFunction {
        private final int dim;
        private final boolean keepdim;
        private final boolean max;
        private int[] shape;

        ValueSelecting(int dim, boolean keepdim, boolean max) {
            this.dim = dim;
            this.keepdim = keepdim;
            this.max = max;
        }

        @Override
        protected Tensor[] forward(Context ctx, Tensor... in) {
            shape = in[0].sizes();
            ValuesIndices vi = max ? in[0].array().max(dim, keepdim) : in[0].array().min(dim, keepdim);
            Tensor indices = new Tensor(vi.indices());
            ctx.markNonDifferentiable(indices);
            ctx.saveForBackward(indices);
            ctx.setMaterializeGrads(false);
            return new Tensor[] {new Tensor(vi.values()), indices};
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor... g) {
            Tensor indices = ctx.savedTensors()[0];
            if (g[0] == null) {
                return new Tensor[] {null};
            }
            if (shape.length == 0) {
                return new Tensor[] {g[0]};
            }
            int d = Shapes.wrapDim(dim, shape.length);
            Tensor idx = keepdim ? indices : indices.unsqueeze(d);
            Tensor src = keepdim ? g[0] : g[0].unsqueeze(d);
            return new Tensor[] {ReductionGrads.scatterIntoZeros(src, d, idx, shape)};
        }

        @Override
        protected String name() {
            return max ? "MaxBackward0" : "MinBackward0";
        }
    }

    /** amax/amin (AmaxBackward0): scale_grad_by_count, ties share the gradient evenly. */
    static Tensor amaxAmin(Tensor t, int[] dims, boolean keepdim, boolean max) {
        return new Op(max ? "AmaxBackward0" : "AminBackward0", Op.X0 | Op.RESULT,
                a -> max ? a[0].amax(dims, keepdim) : a[0].amin(dims, keepdim), (ctx, g, x, r) -> {
                    boolean[] m = reduced(dims, x[0].dim());
                    Tensor mask = restore(r, m, keepdim).eq(x[0]);
                    return grads(restore(g, m, keepdim).div(mask.sum(ReductionGrads.dims(m), true)).mul(mask));
                }).apply(t);
    }

    // ------------------------------------------------------------------ not differentiable

    static Tensor argmax(Tensor t, Integer dim, boolean keepdim, boolean max) {
        NDArray a = t.array();
        if (dim == null) {
            return new Tensor(max ? a.argmax() : a.argmin());
        }
        return new Tensor(max ? a.argmax(dim, keepdim) : a.argmin(dim, keepdim));
    }
}
