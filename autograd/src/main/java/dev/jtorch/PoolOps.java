package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.autograd.MultiOutputFunction;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.ValuesIndices;

/**
 * Differentiable pooling, recording the graph PyTorch records: {@code MaxPool2DWithIndicesBackward0},
 * {@code AdaptiveMaxPool2DBackward0}, {@code AvgPool2DBackward0}, {@code AdaptiveAvgPool2DBackward0} (or {@code MeanBackward1} for a
 * {@code (1, 1)} output), and the 1-d ops as {@code unsqueeze(-2)}, the 2-d op, {@code squeeze(-2)}
 * ({@code SqueezeBackward1}). Each backward is itself a recorded op
 * ({@code MaxPool2DWithIndicesBackwardBackward0} gathers by the indices,
 * {@code AvgPool2DBackwardBackward0} and {@code AdaptiveAvgPool2DBackwardBackward0} pool again), so
 * gradients of any order work.
 */
final class PoolOps {
    private PoolOps() {}

    static PooledWithIndices maxPool2dWithIndices(Tensor x, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        Tensor[] out = new MaxPool2d(k, s, p, d, ceil).apply(x);
        return new PooledWithIndices(out[0], out[1]);
    }

    static PooledWithIndices maxPool1dWithIndices(Tensor x, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        NDArray.checkPool1dArgs("max_pool1d", x.sizes(), k, s, p, d);
        int st = s.length == 0 ? k[0] : s[0];
        PooledWithIndices r = maxPool2dWithIndices(x.unsqueeze(-2), new int[] {1, k[0]}, new int[] {1, st},
                new int[] {0, p[0]}, new int[] {1, d[0]}, ceil);
        return new PooledWithIndices(r.values().squeeze(-2), r.indices().squeeze(-2));
    }

    static Tensor maxPool1d(Tensor x, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        NDArray.checkMaxPool1dArgs(x.sizes(), k, s, p, d, ceil);
        if (!x.dtype().isFloatingPoint()) {
            return new Tensor(x.array().maxPool1d(k, s, p, d, ceil)); // ATen's own 1-d kernel: floating types only
        }
        return maxPool1dWithIndices(x, k, s, p, d, ceil).values();
    }

    static PooledWithIndices adaptiveMaxPool2d(Tensor x, int[] outputSize) {
        Tensor[] out = new AdaptiveMaxPool2d(outputSize).apply(x);
        return new PooledWithIndices(out[0], out[1]);
    }

    static Tensor avgPool2d(Tensor x, int[] k, int[] s, int[] p, boolean ceil, boolean countPad, Integer divisor) {
        return new AvgPool2d(new AvgArgs(k, s, p, ceil, countPad, divisor)).apply(x);
    }

    static Tensor avgPool1d(Tensor x, int[] k, int[] s, int[] p, boolean ceil, boolean countPad) {
        NDArray.checkPool1dArgs("avg_pool1d", x.sizes(), k, s, p, null);
        int st = s.length == 0 ? k[0] : s[0];
        return avgPool2d(x.unsqueeze(-2), new int[] {1, k[0]}, new int[] {1, st}, new int[] {0, p[0]}, ceil, countPad,
                null).squeeze(-2);
    }

    static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
        if (outputSize.length == 2 && outputSize[0] == 1 && outputSize[1] == 1) {
            return x.mean(new int[] {-1, -2}, true);
        }
        return new AdaptiveAvgPool2d(outputSize).apply(x);
    }

    static Tensor adaptiveAvgPool1d(Tensor x, int[] outputSize) {
        NDArray.checkAdaptivePool1dArgs(x.sizes(), outputSize);
        return adaptiveAvgPool2d(x.unsqueeze(-2), new int[] {1, outputSize[0]}).squeeze(-2);
    }

    // ------------------------------------------------------------------ max pooling

    /** {@code max_pool2d_with_indices}: values (differentiable) and indices (not). */
    private static final class MaxPool2d extends MultiOutputFunction {
        private final int[] k;
        private final int[] s;
        private final int[] p;
        private final int[] d;
        private final boolean ceil;
        private int[] inputShape;

        MaxPool2d(int[] k, int[] s, int[] p, int[] d, boolean ceil) {
            this.k = k.clone();
            this.s = s.clone();
            this.p = p.clone();
            this.d = d.clone();
            this.ceil = ceil;
        }

        @Override
        protected Tensor[] forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            ValuesIndices vi = in[0].array().maxPool2dWithIndices(k, s, p, d, ceil);
            Tensor indices = new Tensor(vi.indices());
            ctx.markNonDifferentiable(indices);
            ctx.saveForBackward(indices);
            ctx.setMaterializeGrads(false);
            return new Tensor[] {new Tensor(vi.values()), indices};
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor... g) {
            if (g[0] == null) {
                return new Tensor[] {null};
            }
            return new Tensor[] {new MaxPool2dBackward(inputShape, "MaxPool2DWithIndicesBackwardBackward0")
                    .apply(g[0], ctx.savedTensors()[0])};
        }

        @Override
        protected String name() {
            return "MaxPool2DWithIndicesBackward0";
        }
    }

    /** {@code adaptive_max_pool2d}: values (differentiable) and indices (not), as {@link MaxPool2d}. */
    private static final class AdaptiveMaxPool2d extends MultiOutputFunction {
        private final int[] outputSize;
        private int[] inputShape;

        AdaptiveMaxPool2d(int[] outputSize) {
            this.outputSize = outputSize.clone();
        }

        @Override
        protected Tensor[] forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            ValuesIndices vi = in[0].array().adaptiveMaxPool2d(outputSize);
            Tensor indices = new Tensor(vi.indices());
            ctx.markNonDifferentiable(indices);
            ctx.saveForBackward(indices);
            ctx.setMaterializeGrads(false);
            return new Tensor[] {new Tensor(vi.values()), indices};
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor... g) {
            if (g[0] == null) {
                return new Tensor[] {null};
            }
            return new Tensor[] {new MaxPool2dBackward(inputShape, "AdaptiveMaxPool2DBackwardBackward0")
                    .apply(g[0], ctx.savedTensors()[0])};
        }

        @Override
        protected String name() {
            return "AdaptiveMaxPool2DBackward0";
        }
    }

    /**
     * {@code max_pool2d_with_indices_backward} / {@code adaptive_max_pool2d_backward}: scatter-add by the
     * indices; its own gradient gathers by them.
     */
    private static final class MaxPool2dBackward extends Function {
        private final int[] inputShape;
        private final String name;

        MaxPool2dBackward(int[] inputShape, String name) {
            this.inputShape = inputShape;
            this.name = name;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[1]);
            return new Tensor(name.startsWith("Adaptive")
                    ? NDArray.adaptiveMaxPool2dBackward(in[0].array(), in[1].array(), inputShape)
                    : NDArray.maxPool2dWithIndicesBackward(in[0].array(), in[1].array(), inputShape));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gg) {
            Tensor indices = ctx.savedTensors()[0];
            Tensor gathered = gg.flatten(-2, -1).gather(-1, indices.flatten(-2, -1));
            return new Tensor[] {gathered.view(indices.sizes()), null};
        }

        @Override
        protected String name() {
            return name;
        }
    }

    // ------------------------------------------------------------------ average pooling

    /** The arguments of {@code avg_pool2d} after the call; {@code divisor} null means none. */
    private record AvgArgs(int[] k, int[] s, int[] p, boolean ceil, boolean countPad, Integer divisor) {
        AvgArgs {
            k = k.clone();
            s = s.clone();
            p = p.clone();
        }
    }

    private static final class AvgPool2d extends Function {
        private final AvgArgs a;
        private int[] inputShape;

        AvgPool2d(AvgArgs a) {
            this.a = a;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            return new Tensor(in[0].array().avgPool2d(a.k, a.s, a.p, a.ceil, a.countPad, a.divisor));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {new AvgPool2dBackward(a, inputShape).apply(g)};
        }

        @Override
        protected String name() {
            return "AvgPool2DBackward0";
        }
    }

    /** {@code avg_pool2d_backward}: linear in the gradient; its adjoint is {@code avg_pool2d} itself. */
    private static final class AvgPool2dBackward extends Function {
        private final AvgArgs a;
        private final int[] inputShape;

        AvgPool2dBackward(AvgArgs a, int[] inputShape) {
            this.a = a;
            this.inputShape = inputShape;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(NDArray.avgPool2dBackward(in[0].array(), inputShape, a.k, a.s, a.p, a.ceil, a.countPad,
                    a.divisor));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gg) {
            return new Tensor[] {new AvgPool2d(a).apply(gg)};
        }

        @Override
        protected String name() {
            return "AvgPool2DBackwardBackward0";
        }
    }

    // ------------------------------------------------------------------ adaptive average pooling

    /** {@code _adaptive_avg_pool2d}. */
    private static final class AdaptiveAvgPool2d extends Function {
        private final int[] outputSize;
        private int[] inputShape;

        AdaptiveAvgPool2d(int[] outputSize) {
            this.outputSize = outputSize.clone();
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            return new Tensor(in[0].array().adaptiveAvgPool2dKernel(outputSize));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {new AdaptiveAvgPool2dBackward(inputShape).apply(g)};
        }

        @Override
        protected String name() {
            return "AdaptiveAvgPool2DBackward0";
        }
    }

    /** {@code _adaptive_avg_pool2d_backward}: linear; its adjoint is the pooling to the gradient's size. */
    private static final class AdaptiveAvgPool2dBackward extends Function {
        private final int[] inputShape;
        private int[] outputSize;

        AdaptiveAvgPool2dBackward(int[] inputShape) {
            this.inputShape = inputShape;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            outputSize = new int[] {in[0].size(-2), in[0].size(-1)};
            return new Tensor(NDArray.adaptiveAvgPool2dBackward(in[0].array(), inputShape));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gg) {
            return new Tensor[] {new AdaptiveAvgPool2d(outputSize).apply(gg)};
        }

        @Override
        protected String name() {
            return "AdaptiveAvgPool2DBackwardBackward0";
        }
    }
}
