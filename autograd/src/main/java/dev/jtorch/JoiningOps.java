package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.autograd.MultiOutputFunction;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Differentiable joining, splitting and rearranging. {@code cat}/{@code stack} backward slice the
 * gradient; {@code split}/{@code chunk}/{@code unbind} return views and join the gradients again;
 * the rearranging ops are linear maps whose backward applies the adjoint map (pad with the
 * negated amounts, flip again, roll back, sum the tiles of repeat, ...). Every backward is
 * written with differentiable ops, so second derivatives work.
 */
final class JoiningOps {
    private JoiningOps() {}

    /** {@code torch.cat}: each input gets its slice of g ({@code [0]} inputs, which cat may skip, get zeros of shape [0]). */
    static final class Cat extends Function {
        private final int dim;
        private int[][] inputShapes;
        private int outDim;

        Cat(int dim) {
            this.dim = dim;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            List<NDArray> arrays = new ArrayList<>(in.length);
            inputShapes = new int[in.length][];
            for (int i = 0; i < in.length; i++) {
                arrays.add(in[i].array());
                inputShapes[i] = in[i].sizes();
            }
            NDArray out = NDArray.cat(arrays, dim);
            outDim = out.dim();
            return new Tensor(out);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            int d = dim < 0 ? dim + outDim : dim;
            Tensor[] grads = new Tensor[inputShapes.length];
            int offset = 0;
            for (int i = 0; i < grads.length; i++) {
                int[] s = inputShapes[i];
                if (s.length == 1 && s[0] == 0) { // as ATen: a [0] input gets zeros, whether or not cat skipped it
                    grads[i] = ctx.needsInputGrad(i) ? Tensor.zeros(g.dtype(), 0) : null;
                    continue;
                }
                if (ctx.needsInputGrad(i)) {
                    grads[i] = g.narrow(d, offset, s[d]);
                }
                offset += s[d];
            }
            return grads;
        }

        @Override
        protected String name() {
            return "CatBackward0";
        }
    }

    /** {@code torch.stack}: input i gets {@code g.select(dim, i)}. */
    static final class Stack extends Function {
        private final int dim;
        private int outDim;

        Stack(int dim) {
            this.dim = dim;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray out = NDArray.stack(arrays(in), dim);
            outDim = out.dim();
            return new Tensor(out);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            int d = dim < 0 ? dim + outDim : dim;
            Tensor[] grads = new Tensor[g.size(d)];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = ctx.needsInputGrad(i) ? g.select(d, i) : null;
            }
            return grads;
        }

        @Override
        protected String name() {
            return "StackBackward0";
        }
    }

    private static List<NDArray> arrays(Tensor[] in) {
        List<NDArray> list = new ArrayList<>(in.length);
        for (Tensor t : in) {
            list.add(t.array());
        }
        return list;
    }

    /**
     * {@code split}, {@code split_with_sizes}, {@code chunk} and {@code unbind}: the outputs are
     * views of the input; backward joins the output gradients (zeros where an output got none)
     * with {@code cat}, or with {@code stack} for unbind.
     */
    static final class Pieces extends MultiOutputFunction {
        private final String name;
        private final java.util.function.Function<NDArray, List<NDArray>> pieces;
        private final int dim;
        private final boolean stacked;
        private int inputDim;

        Pieces(String name, java.util.function.Function<NDArray, List<NDArray>> pieces, int dim, boolean stacked) {
            this.name = name;
            this.pieces = pieces;
            this.dim = dim;
            this.stacked = stacked;
        }

        @Override
        protected Tensor[] forward(Context ctx, Tensor... in) {
            inputDim = in[0].dim();
            List<NDArray> views = pieces.apply(in[0].array());
            Tensor[] out = new Tensor[views.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Tensor.viewOf(in[0], views.get(i));
            }
            return out;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor... g) {
            int d = dim < 0 ? dim + inputDim : dim;
            List<Tensor> grads = Arrays.asList(g);
            return new Tensor[] {stacked ? Tensor.stack(grads, d) : Tensor.cat(grads, d)};
        }

        @Override
        protected String name() {
            return name;
        }
    }

    static List<Tensor> split(Tensor t, int splitSize, int dim) {
        return List.of(new Pieces("SplitBackward0", a -> a.split(splitSize, dim), dim, false).apply(t));
    }

    static List<Tensor> split(Tensor t, int[] sizes, int dim) {
        return List.of(new Pieces("SplitWithSizesBackward0", a -> a.split(sizes, dim), dim, false).apply(t));
    }

    /** PyTorch's chunk is split, or split_with_sizes when the dim is empty (to keep the number of chunks). */
    static List<Tensor> chunk(Tensor t, int chunks, int dim) {
        boolean empty = t.dim() > 0 && chunks > 0 && t.size(dim) == 0;
        String name = empty ? "SplitWithSizesBackward0" : "SplitBackward0";
        return List.of(new Pieces(name, a -> a.chunk(chunks, dim), dim, false).apply(t));
    }

    static List<Tensor> unbind(Tensor t, int dim) {
        return List.of(new Pieces("UnbindBackward0", a -> a.unbind(dim), dim, true).apply(t));
    }

    /**
     * A linear op of one input whose backward applies its adjoint {@code back(g, inputShape)};
     * with {@code inPlace}, {@code op} writes into the input, which is marked dirty.
     */
    static final class Adjoint extends Function {
        private final String name;
        private final UnaryOperator<NDArray> op;
        private final BiFunction<Tensor, int[], Tensor> back;
        private final boolean inPlace;
        private int[] inputShape;

        Adjoint(String name, UnaryOperator<NDArray> op, BiFunction<Tensor, int[], Tensor> back, boolean inPlace) {
            this.name = name;
            this.op = op;
            this.back = back;
            this.inPlace = inPlace;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            if (!inPlace) {
                return new Tensor(op.apply(in[0].array()));
            }
            InPlaceOps.checkInplace(ctx, in);
            op.apply(in[0].array());
            ctx.markDirty(in[0]);
            return in[0];
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

    private static Tensor linear(Tensor t, String name, UnaryOperator<NDArray> op, BiFunction<Tensor, int[], Tensor> back) {
        return new Adjoint(name, op, back, false).apply(t);
    }

    static Tensor pad(Tensor t, int[] pad, double value) {
        int[] negated = negate(pad);
        return linear(t, "ConstantPadNdBackward0", a -> a.pad(pad, value), (g, s) -> g.pad(negated, 0));
    }

    static Tensor flip(Tensor t, int[] dims) {
        return linear(t, "FlipBackward0", a -> a.flip(dims), (g, s) -> g.flip(dims));
    }

    static Tensor roll(Tensor t, int[] shifts, int[] dims) {
        int[] back = negate(shifts);
        return linear(t, "RollBackward0", a -> a.roll(shifts, dims), (g, s) -> g.roll(back, dims));
    }

    static Tensor repeat(Tensor t, int[] sizes) {
        return linear(t, "RepeatBackward0", a -> a.repeat(sizes), (g, s) -> sumTiles(g, sizes, s));
    }

    /**
     * The backward of {@code repeat}: view g as {@code [r0, s0, r1, s1, ...]} (r the repeats, s the
     * input's sizes with leading ones for the extra dims), move the repeat dims first and sum them.
     */
    private static Tensor sumTiles(Tensor g, int[] reps, int[] inputShape) {
        int r = reps.length;
        int[] padded = new int[r];
        Arrays.fill(padded, 1);
        System.arraycopy(inputShape, 0, padded, r - inputShape.length, inputShape.length);
        int[] interleaved = new int[2 * r];
        int[] perm = new int[2 * r];
        for (int i = 0; i < r; i++) {
            interleaved[2 * i] = reps[i];
            interleaved[2 * i + 1] = padded[i];
            perm[i] = 2 * i;
            perm[r + i] = 2 * i + 1;
        }
        return g.reshape(interleaved).permute(perm).sumToSize(padded).reshape(inputShape);
    }

    static Tensor triangle(Tensor t, int diagonal, boolean lower, boolean inPlace) {
        String name = lower ? "TrilBackward0" : "TriuBackward0";
        UnaryOperator<NDArray> op = inPlace
                ? (lower ? a -> a.tril_(diagonal) : a -> a.triu_(diagonal))
                : (lower ? a -> a.tril(diagonal) : a -> a.triu(diagonal));
        BiFunction<Tensor, int[], Tensor> back = lower ? (g, s) -> g.tril(diagonal) : (g, s) -> g.triu(diagonal);
        return new Adjoint(name, op, back, inPlace).apply(t);
    }

    /** {@code torch.diag}: 1-d to a matrix is PyTorch's diag_embed, 2-d to its diagonal is diagonal_copy. */
    static Tensor diag(Tensor t, int diagonal) {
        if (t.dim() == 1) {
            return linear(t, "DiagEmbedBackward0", a -> a.diag(diagonal), (g, s) -> g.diagonal(diagonal, 0, 1));
        }
        return linear(t, "DiagonalBackward0_copy", a -> a.diag(diagonal),
                (g, s) -> ViewOps.embed(g, s, a -> a.diagonal(diagonal, 0, 1)));
    }

    /** {@code torch.diagonal}: a view; backward writes g onto the diagonal of zeros. */
    static Tensor diagonal(Tensor t, int offset, int dim1, int dim2) {
        UnaryOperator<NDArray> region = a -> a.diagonal(offset, dim1, dim2);
        return new ViewOps.View("DiagonalBackward0", region, (g, s) -> ViewOps.embed(g, s, region)).apply(t);
    }

    private static int[] negate(int[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }
}
