package dev.jtorch.conformance;

import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Every nn layer and loss records libtorch's {@code grad_fn} (the name of the result's node), with
 * the same values and gradients: {@link GradCase#check} compares the name, the output and every
 * leaf's gradient for the same random output gradient. Tolerances: rtol 1e-5, atol 1e-5 in float32
 * (losses and layers reduce over many elements in another order than libtorch's fused kernels);
 * normalisation layers atol 1e-4 (see {@link NnConformanceTest}). Leaves take random layouts
 * (contiguous, permuted, stepped).
 */
class NnGradFnConformanceTest {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-5;

    @Test
    void activationsAndLinearLayers() {
        Oracle.require();
        Random rnd = new Random(11);
        int[][] shapes = {{4, 3}, {2, 3, 5}, {3}, {2, 2, 3, 4}, {3, 4, 5}};
        for (int[] s : shapes) {
            int last = s.length - 1;
            unary(rnd, s, "relu", torch::relu, F::relu, 0);
            unary(rnd, s, "leaky_relu", t -> torch.leaky_relu(t, new Scalar(0.2)), j -> F.leakyRelu(j, 0.2), 0);
            unary(rnd, s, "elu", t -> torch.elu(t, new Scalar(1.5), new Scalar(1.0), new Scalar(1.0)), j -> F.elu(j, 1.5), RTOL);
            unary(rnd, s, "gelu", t -> torch.gelu(t, "none"), j -> F.gelu(j, "none"), RTOL);
            unary(rnd, s, "gelu tanh", t -> torch.gelu(t, "tanh"), j -> F.gelu(j, "tanh"), RTOL);
            unary(rnd, s, "silu", torch::silu, F::silu, RTOL);
            unary(rnd, s, "tanh", torch::tanh, F::tanh, RTOL);
            unary(rnd, s, "sigmoid", torch::sigmoid, F::sigmoid, RTOL);
            unary(rnd, s, "softplus", t -> torch.softplus(t, new Scalar(2.0), new Scalar(1.0)), j -> F.softplus(j, 2.0, 1.0), RTOL);
            unary(rnd, s, "softmax", t -> torch.softmax(t, last), j -> F.softmax(j, last), RTOL);
            unary(rnd, s, "log_softmax", t -> torch.log_softmax(t, last), j -> F.logSoftmax(j, last), RTOL);
            // any layout: a view of a contiguous input, _reshape_alias of a viewable one, else a copy
            unary(rnd, s, "flatten", t -> t.flatten(0, -1), j -> new dev.jtorch.nn.Flatten(0, -1).forward(j), 0);
            unary(rnd, s, "flatten(1)", t -> t.flatten(1, -1), j -> new dev.jtorch.nn.Flatten(1, -1).forward(j), 0);
            unary(rnd, s, "unsqueeze+flatten", t -> t.unsqueeze(-1).flatten(-2, -1), j -> j.unsqueeze(-1).flatten(-2, -1), 0);
            unary(rnd, s, "identity", t -> t, j -> new dev.jtorch.nn.Identity().forward(j), 0);
            unary(rnd, s, "dropout eval", t -> torch.dropout(t, 0.5, false), j -> F.dropout(j, 0.5, false), 0);
            unary(rnd, s, "dropout p=1", t -> torch.dropout(t, 1.0, true), j -> F.dropout(j, 1.0, true), 0);
            for (boolean bias : new boolean[] {true, false}) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    int in = s[s.length - 1];
                    GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                    GradCase.Leaf w = c.anyLayout(DType.FLOAT32, new int[] {4, in}, true, false);
                    GradCase.Leaf b = c.leaf(DType.FLOAT32, new int[] {4}, true);
                    c.check("linear bias=" + bias + " " + Arrays.toString(s) + " " + x,
                            () -> torch.linear(x.t, w.t, bias ? new TensorOptional(b.t) : new TensorOptional()),
                            () -> F.linear(x.j, w.j, bias ? b.j : null), RTOL, ATOL);
                }
            }
        }
    }

    @Test
    void dropoutInTrainingRecordsMul() {
        Oracle.require();
        try (PointerScope scope = new PointerScope()) {
            GradCase c = new GradCase(new Random(12));
            GradCase.Leaf x = c.leaf(DType.FLOAT32, new int[] {50}, true);
            dev.jtorch.Torch.manualSeed(3);
            torch.manual_seed(3);
            c.check("dropout p=0.3", () -> torch.dropout(x.t, 0.3, true), () -> F.dropout(x.j, 0.3, true), 0, 0);
        }
    }

    @Test
    void bilinearValuesGradientsAndGraph() {
        Oracle.require();
        Random rnd = new Random(13);
        int[][] batches = {{5}, {}, {2, 3}, {0}, {1}};
        for (int[] batch : batches) {
            for (boolean bias : new boolean[] {true, false}) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    int in1 = 1 + rnd.nextInt(4);
                    int in2 = 1 + rnd.nextInt(4);
                    int out = 1 + rnd.nextInt(4);
                    int[] s1 = Arrays.copyOf(batch, batch.length + 1);
                    s1[batch.length] = in1;
                    int[] s2 = Arrays.copyOf(batch, batch.length + 1);
                    s2[batch.length] = in2;
                    GradCase.Leaf x1 = c.anyLayout(DType.FLOAT32, s1, true, false);
                    GradCase.Leaf x2 = c.anyLayout(DType.FLOAT32, s2, true, false);
                    GradCase.Leaf w = c.anyLayout(DType.FLOAT32, new int[] {out, in1, in2}, true, false);
                    GradCase.Leaf b = c.leaf(DType.FLOAT32, new int[] {out}, true);
                    c.check("bilinear bias=" + bias + " " + Arrays.toString(s1) + " " + Arrays.toString(s2) + " out=" + out,
                            () -> torch.bilinear(x1.t, x2.t, w.t, bias ? new TensorOptional(b.t) : new TensorOptional()),
                            () -> F.bilinear(x1.j, x2.j, w.j, bias ? b.j : null), RTOL, ATOL);
                }
            }
        }
        try (PointerScope scope = new PointerScope()) {
            GradCase c = new GradCase(rnd);
            GradCase.Leaf x1 = c.leaf(DType.FLOAT32, new int[] {3, 2}, false);
            GradCase.Leaf x2 = c.leaf(DType.FLOAT32, new int[] {3, 4}, false);
            GradCase.Leaf w = c.leaf(DType.FLOAT32, new int[] {5, 3, 4}, false);
            c.check("bilinear wrong in1", () -> torch.bilinear(x1.t, x2.t, w.t), () -> F.bilinear(x1.j, x2.j, w.j, null), 0, 0);
        }
    }

    @Test
    void normalisationAndEmbedding() {
        Oracle.require();
        Random rnd = new Random(14);
        int[][] shapes = {{4, 6}, {2, 4, 5}, {3, 4, 2, 2}};
        for (int[] s : shapes) {
            for (boolean affine : new boolean[] {true, false}) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    int[] norm = Arrays.copyOfRange(s, s.length - 1, s.length);
                    GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                    GradCase.Leaf w = c.leaf(DType.FLOAT32, norm, true);
                    GradCase.Leaf b = c.leaf(DType.FLOAT32, norm, true);
                    c.check("layer_norm affine=" + affine + " " + Arrays.toString(s),
                            () -> torch.layer_norm(x.t, new long[] {norm[0]}, opt(affine, w.t), opt(affine, b.t), 1e-5, false),
                            () -> F.layerNorm(x.j, norm, affine ? w.j : null, affine ? b.j : null, 1e-5), RTOL, 1e-4);
                }
                for (boolean training : new boolean[] {true, false}) {
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        int ch = s[1];
                        GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                        GradCase.Leaf w = c.leaf(DType.FLOAT32, new int[] {ch}, true);
                        GradCase.Leaf b = c.leaf(DType.FLOAT32, new int[] {ch}, true);
                        NDArray rm = c.values(DType.FLOAT32, ch);
                        NDArray rv = c.values(DType.FLOAT32, ch).abs().add(0.5);
                        Tensor trm = Oracle.toTorch(rm);
                        Tensor trv = Oracle.toTorch(rv);
                        dev.jtorch.Tensor jrm = new dev.jtorch.Tensor(rm.clone());
                        dev.jtorch.Tensor jrv = new dev.jtorch.Tensor(rv.clone());
                        String what = "batch_norm affine=" + affine + " training=" + training + " " + Arrays.toString(s);
                        c.check(what, () -> torch.batch_norm(x.t, opt(affine, w.t), opt(affine, b.t), new TensorOptional(trm),
                                new TensorOptional(trv), training, 0.1, 1e-5, false),
                                () -> F.batchNorm(x.j, jrm, jrv, affine ? w.j : null, affine ? b.j : null, training, 0.1, 1e-5),
                                RTOL, 1e-4);
                        Oracle.assertClose(Oracle.fromTorch(trm), jrm.array(), RTOL, 1e-6, what + ": running_mean");
                        Oracle.assertClose(Oracle.fromTorch(trv), jrv.array(), RTOL, 1e-6, what + ": running_var");
                    }
                }
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                    GradCase.Leaf w = c.leaf(DType.FLOAT32, new int[] {s[1]}, true);
                    GradCase.Leaf b = c.leaf(DType.FLOAT32, new int[] {s[1]}, true);
                    c.check("group_norm affine=" + affine + " " + Arrays.toString(s),
                            () -> torch.group_norm(x.t, 2, opt(affine, w.t), opt(affine, b.t), 1e-5, false),
                            () -> F.groupNorm(x.j, 2, affine ? w.j : null, affine ? b.j : null, 1e-5), RTOL, 1e-4);
                }
            }
        }
        for (Integer pad : new Integer[] {null, 1, -2}) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                GradCase.Leaf w = c.anyLayout(DType.FLOAT32, new int[] {6, 3}, true, false);
                NDArray idx = c.index(new int[] {3, 5}, 0, 6);
                c.check("embedding padding_idx=" + pad,
                        () -> torch.embedding(w.t, Oracle.toTorch(idx), pad == null ? -1 : pad < 0 ? pad + 6 : pad, false, false),
                        () -> F.embedding(new dev.jtorch.Tensor(idx), w.j, pad), 0, 0);
            }
        }
    }

    /** One op on a fresh leaf of a random layout (gradients accumulate per leaf, so no leaf is shared). */
    private static void unary(Random rnd, int[] s, String name, java.util.function.Function<Tensor, Tensor> t,
            java.util.function.Function<dev.jtorch.Tensor, dev.jtorch.Tensor> j, double tol) {
        try (PointerScope scope = new PointerScope()) {
            GradCase c = new GradCase(rnd);
            GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
            c.check(name + " " + Arrays.toString(s) + " " + x, () -> t.apply(x.t), () -> j.apply(x.j), tol, tol == 0 ? 0 : ATOL);
        }
    }

    static TensorOptional opt(boolean present, Tensor t) {
        return present ? new TensorOptional(t) : new TensorOptional();
    }
}
