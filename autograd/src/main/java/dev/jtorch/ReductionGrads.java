package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Shapes;

/**
 * Building blocks of reduction gradients, PyTorch's FunctionsManual helpers: which dims were
 * reduced, {@code unsqueeze_multiple}, and the differentiable flip, scatter and gather that
 * {@code reversed_cumsum} and {@code value_selecting_reduction_backward} are made of. Each is
 * itself differentiable, so reduction gradients have higher-order gradients.
 */
final class ReductionGrads {
    private ReductionGrads() {}

    /** The dims a reduction over {@code dims} reduces ({@code null} or none: all), wrapped. */
    static boolean[] reduced(int[] dims, int rank) {
        boolean[] mask = new boolean[rank];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(mask, true);
        } else {
            for (int d : dims) {
                if (rank > 0) {
                    mask[Shapes.wrapDim(d, rank)] = true;
                }
            }
        }
        return mask;
    }

    /** The reduced dims as a list (for {@code sum(dims, keepdim=true)}). */
    static int[] dims(boolean[] mask) {
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        int[] out = new int[n];
        n = 0;
        for (int d = 0; d < mask.length; d++) {
            if (mask[d]) {
                out[n++] = d;
            }
        }
        return out;
    }

    /** {@code unsqueeze_multiple}: the reduced dims back as size 1 (unless kept), so t broadcasts against the input. */
    static Tensor restore(Tensor t, boolean[] mask, boolean keepdim) {
        if (keepdim) {
            return t;
        }
        for (int d = 0; d < mask.length; d++) {
            if (mask[d]) {
                t = t.unsqueeze(d);
            }
        }
        return t;
    }

    /** {@code t.flip(dim)} (FlipBackward0; its gradient flips back). */
    static Tensor flip(Tensor t, int dim) {
        return new Op("FlipBackward0", Op.NONE, a -> a[0].flip(dim), (ctx, g, x, r) -> Op.grads(flip(g, dim))).apply(t);
    }

    /** PyTorch's {@code reversed_cumsum}: {@code w.flip(dim).cumsum(dim).flip(dim)}. */
    static Tensor reversedCumsum(Tensor w, int dim) {
        return flip(flip(w, dim).cumsum(dim), dim);
    }

    /** {@code zeros(shape).scatter(dim, index, src)}, differentiable in src (ScatterBackward0: gather). */
    static Tensor scatterIntoZeros(Tensor src, int dim, Tensor index, int[] shape) {
        return new Scatter(dim, index, shape).apply(src);
    }

    /** {@code t.gather(dim, index)} (GatherBackward0: scatter_add into zeros). */
    static Tensor gather(Tensor t, int dim, Tensor index) {
        return new Gather(dim, index).apply(t);
    }

    private static final class Scatter extends Function {
        private final int dim;
        private final Tensor index;
        private final int[] shape;

        Scatter(int dim, Tensor index, int[] shape) {
            this.dim = dim;
            this.index = index;
            this.shape = shape;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(NDArray.zeros(in[0].dtype(), shape).scatter_(dim, index.array(), in[0].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {gather(g, dim, index)};
        }

        @Override
        protected String name() {
            return "ScatterBackward0";
        }
    }

    private static final class Gather extends Function {
        private final int dim;
        private final Tensor index;
        private int[] shape;

        Gather(int dim, Tensor index) {
            this.dim = dim;
            this.index = index;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            shape = in[0].sizes();
            return new Tensor(in[0].array().gather(dim, index.array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {new ScatterAdd(dim, index, shape).apply(g)};
        }

        @Override
        protected String name() {
            return "GatherBackward0";
        }
    }

    /** {@code zeros(shape).scatter_add(dim, index, src)}, the gradient of gather (itself gathered back). */
    private static final class ScatterAdd extends Function {
        private final int dim;
        private final Tensor index;
        private final int[] shape;

        ScatterAdd(int dim, Tensor index, int[] shape) {
            this.dim = dim;
            this.index = index;
            this.shape = shape;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(NDArray.zeros(in[0].dtype(), shape).scatterAdd_(dim, index.array(), in[0].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {gather(g, dim, index)};
        }

        @Override
        protected String name() {
            return "ScatterAddBackward0";
        }
    }

    /** {@code torch.cat(parts, dim)} written as a sum of zero-padded parts (exact: x + 0 == x), differentiable. */
    static Tensor cat(Tensor[] parts, int dim) {
        int[] shape = parts[0].sizes();
        int total = 0;
        for (Tensor p : parts) {
            total += p.size(dim);
        }
        shape[dim] = total;
        Tensor out = null;
        int start = 0;
        for (Tensor p : parts) {
            int s = start;
            int len = p.size(dim);
            Tensor padded = ViewOps.embed(p, shape, a -> a.narrow(dim, s, len));
            out = out == null ? padded : out.add(padded);
            start += len;
        }
        return out;
    }
}
