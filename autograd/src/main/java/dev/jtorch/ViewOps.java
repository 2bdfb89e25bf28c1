package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.NDArray;
import java.util.function.UnaryOperator;

/**
 * Differentiable movement ops. Outputs are views: they share storage and the version counter
 * with their input. Each backward maps the gradient back through the inverse layout change.
 */
final class ViewOps {
    private ViewOps() {}

    /** A view op: {@code forward} rewrites the layout; {@code backward} maps g back to the input. */
    static final class View extends Function {
        private final String name;
        private final UnaryOperator<NDArray> layout;
        private final java.util.function.BiFunction<Tensor, int[], Tensor> back;
        private int[] inputShape;

        View(String name, UnaryOperator<NDArray> layout, java.util.function.BiFunction<Tensor, int[], Tensor> back) {
            this.name = name;
            this.layout = layout;
            this.back = back;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            // only a recorded node's backward reads it (views in backward passes and under no_grad skip the copy)
            inputShape = ctx.needsInputGrad(0) ? in[0].sizes() : null;
            NDArray out = layout.apply(in[0].array());
            return out.sharesStorageWith(in[0].array()) ? Tensor.viewOf(in[0], out) : new Tensor(out);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {back.apply(g, inputShape)};
        }

        @Override
        protected String name() {
            return name;
        }
    }

    static Tensor view(Tensor t, int[] shape) {
        return new View("ViewBackward0", a -> a.view(shape), (g, s) -> g.reshape(s)).apply(t);
    }

    static Tensor reshape(Tensor t, int[] shape) {
        NDArray probe = t.array();
        boolean viewable;
        try {
            probe.view(shape);
            viewable = true;
        } catch (IllegalArgumentException e) {
            viewable = false;
        }
        // ATen's reshape: a view of a contiguous tensor, _reshape_alias of a viewable non-contiguous one,
        // otherwise _unsafe_view of a contiguous copy
        String name = !viewable ? "UnsafeViewBackward0" : probe.isContiguous() ? "ViewBackward0" : "ReshapeAliasBackward0";
        return new View(name, a -> a.reshape(shape), (g, s) -> g.reshape(s)).apply(t);
    }

    static Tensor transpose(Tensor t, int d0, int d1) {
        return new View("TransposeBackward0", a -> a.transpose(d0, d1), (g, s) -> g.transpose(d0, d1)).apply(t);
    }

    static Tensor t(Tensor t) {
        return new View("TBackward0", NDArray::t, (g, s) -> g.t()).apply(t);
    }

    static Tensor permute(Tensor t, int[] dims) {
        int[] inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            inverse[Math.floorMod(dims[i], dims.length)] = i;
        }
        return new View("PermuteBackward0", a -> a.permute(dims), (g, s) -> g.permute(inverse)).apply(t);
    }

    static Tensor expand(Tensor t, int[] sizes) {
        return new View("ExpandBackward0", a -> a.expand(sizes), (g, s) -> g.sumToSize(s)).apply(t);
    }

    static Tensor squeeze(Tensor t) {
        return new View("SqueezeBackward0", NDArray::squeeze, (g, s) -> g.reshape(s)).apply(t);
    }

    static Tensor squeeze(Tensor t, int dim) {
        return new View("SqueezeBackward1", a -> a.squeeze(dim), (g, s) -> g.reshape(s)).apply(t);
    }

    static Tensor unsqueeze(Tensor t, int dim) {
        return new View("UnsqueezeBackward0", a -> a.unsqueeze(dim), (g, s) -> g.reshape(s)).apply(t);
    }

    static Tensor flatten(Tensor t, int start, int end) {
        int[] shape = t.array().flatten(start, end).sizes();
        if (t.dim() > 0 && shape.length == t.dim()) {
            return t; // start_dim == end_dim: PyTorch returns self (no node)
        }
        return reshape(t, shape);
    }

    static Tensor unflatten(Tensor t, int dim, int[] sizes) {
        return new View("ViewBackward0", a -> a.unflatten(dim, sizes), (g, s) -> g.reshape(s)).apply(t);
    }

    /** narrow/slice/select: backward scatters g into zeros of the input shape. */
    static Tensor slice(Tensor t, int dim, int start, int end, int step) {
        return new View("SliceBackward0", a -> a.slice(dim, start, end, step),
                (g, s) -> embed(g, s, a -> a.slice(dim, start, end, step))).apply(t);
    }

    static Tensor narrow(Tensor t, int dim, int start, int length) {
        return new View("SliceBackward0", a -> a.narrow(dim, start, length),
                (g, s) -> embed(g, s, a -> a.narrow(dim, start, length))).apply(t);
    }

    static Tensor select(Tensor t, int dim, int index) {
        return new View("SelectBackward0", a -> a.select(dim, index),
                (g, s) -> embed(g, s, a -> a.select(dim, index))).apply(t);
    }

    /** zeros(shape) with {@code g} written into the region {@code region} selects: differentiable in g. */
    static Tensor embed(Tensor g, int[] shape, UnaryOperator<NDArray> region) {
        return new Embed(shape, region).apply(g);
    }

    /** The backward of slicing ops, itself differentiable (its backward slices again). */
    static final class Embed extends Function {
        private final int[] shape;
        private final UnaryOperator<NDArray> region;

        Embed(int[] shape, UnaryOperator<NDArray> region) {
            this.shape = shape;
            this.region = region;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray out = NDArray.zeros(in[0].dtype(), shape);
            region.apply(out).copy_(in[0].array());
            return new Tensor(out);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {new View("SliceBackward0", region, (gg, s) -> embed(gg, s, region)).apply(g)};
        }

        @Override
        protected String name() {
            return "SliceBackwardBackward0";
        }
    }

    /** {@code sum_to_size}: backward expands the gradient again. */
    static final class SumToSize extends Function {
        private final int[] target;
        private int[] inputShape;

        SumToSize(int[] target) {
            this.target = target;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            // only a recorded node's backward reads it (views in backward passes and under no_grad skip the copy)
            inputShape = ctx.needsInputGrad(0) ? in[0].sizes() : null;
            return new Tensor(in[0].array().sumToSize(target));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.expand(inputShape)};
        }

        @Override
        protected String name() {
            return "SumBackward1";
        }
    }

    static Tensor contiguous(Tensor t) {
        return t.isContiguous() ? t : new PointwiseOps.Clone().apply(t);
    }
}
