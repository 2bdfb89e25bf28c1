package dev.jtorch.conformance;

import dev.jtorch.Torch;
import dev.jtorch.nn.Embedding;
import dev.jtorch.nn.LayerNorm;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.LayerNormImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LongVector;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRefOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * nn layers and losses against libtorch: default initialisation bit-exact after the same seed,
 * forward values and input/parameter gradients. Tolerance for composed layers and losses: rtol 1e-5,
 * atol 1e-6 in float32 (they reduce over many elements and compose several rounded ops where
 * PyTorch uses one fused kernel). Class-index cross entropy is compared bit-exactly.
 */
class NnConformanceTest {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;
    private static final F.Reduction[] REDUCTIONS = F.Reduction.values(); // ordinals = at::Reduction (none, mean, sum)

    @Test
    void defaultInitIsBitExactAfterTheSameSeed() {
        Oracle.require();
        int[][] shapes = {{3, 4}, {1, 1}, {17, 5}, {64, 10}, {5, 128}};
        long seed = 0;
        for (int[] s : shapes) {
            try (PointerScope scope = new PointerScope()) {
                seed += 7;
                Torch.manualSeed(seed);
                torch.manual_seed(seed);
                Linear j = new Linear(s[0], s[1]);
                LinearImpl t = new LinearImpl(s[0], s[1]);
                Oracle.assertExact(Oracle.fromTorch(t.weight()), j.weight().array(), "Linear" + Arrays.toString(s) + " weight");
                Oracle.assertExact(Oracle.fromTorch(t.bias()), j.bias().array(), "Linear" + Arrays.toString(s) + " bias");
                // a second module continues the same stream
                Embedding je = new Embedding(s[0] + 1, s[1]);
                EmbeddingImpl te = new EmbeddingImpl(s[0] + 1, s[1]);
                Oracle.assertExact(Oracle.fromTorch(te.weight()), je.weight().array(), "Embedding" + Arrays.toString(s));
                LayerNorm jl = new LayerNorm(s);
                LayerNormImpl tl = new LayerNormImpl(new LongVector(s[0], s[1]));
                Oracle.assertExact(Oracle.fromTorch(tl.weight()), jl.weight().array(), "LayerNorm weight");
                Oracle.assertExact(Oracle.fromTorch(tl.bias()), jl.bias().array(), "LayerNorm bias");
            }
        }
    }

    @Test
    void dropoutDrawsTheSameMask() {
        Oracle.require();
        Random rnd = new Random(1);
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            for (int n : new int[] {1, 7, 100, 1000}) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf x = c.leaf(DType.FLOAT32, new int[] {n}, false);
                    Torch.manualSeed(n);
                    torch.manual_seed(n);
                    Oracle.assertExact(Oracle.fromTorch(torch.dropout(x.t, p, true)), F.dropout(x.j, p, true).array(),
                            "dropout p=" + p + " n=" + n);
                }
            }
        }
    }

    @Test
    void normalisationLayers() {
        Oracle.require();
        Random rnd = new Random(2);
        int[][] shapes = {{4, 6}, {2, 3, 5}, {3, 4, 2, 2}, {8, 1}, {8, 2}};
        for (int[] s : shapes) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] norm = Arrays.copyOfRange(s, 1, s.length);
                GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                GradCase.Leaf w = c.leaf(DType.FLOAT32, norm, true);
                GradCase.Leaf b = c.leaf(DType.FLOAT32, norm, true);
                check(c, "layer_norm " + Arrays.toString(s),
                        () -> torch.layer_norm(x.t, longs(norm), new TensorOptional(w.t), new TensorOptional(b.t), 1e-5, false),
                        () -> F.layerNorm(x.j, norm, w.j, b.j, 1e-5), RTOL, ATOL, 1e-4);
            }
            for (boolean training : new boolean[] {true, false}) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    int ch = s[1];
                    GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                    GradCase.Leaf w = c.leaf(DType.FLOAT32, new int[] {ch}, true);
                    GradCase.Leaf b = c.leaf(DType.FLOAT32, new int[] {ch}, true);
                    NDArray rm = c.values(DType.FLOAT32, ch);
                    NDArray rv = c.values(DType.FLOAT32, ch).abs().add(0.5);
                    Tensor trm = Oracle.toTorch(rm);
                    Tensor trv = Oracle.toTorch(rv);
                    dev.jtorch.Tensor jrm = new dev.jtorch.Tensor(rm.clone());
                    dev.jtorch.Tensor jrv = new dev.jtorch.Tensor(rv.clone());
                    String what = "batch_norm training=" + training + " " + Arrays.toString(s);
                    check(c, what,
                            () -> torch.batch_norm(x.t, new TensorOptional(w.t), new TensorOptional(b.t), new TensorOptional(trm),
                                    new TensorOptional(trv), training, 0.1, 1e-5, false),
                            () -> F.batchNorm(x.j, jrm, jrv, w.j, b.j, training, 0.1, 1e-5), RTOL, ATOL, 1e-4);
                    Oracle.assertClose(Oracle.fromTorch(trm), jrm.array(), RTOL, ATOL, what + ": running_mean");
                    Oracle.assertClose(Oracle.fromTorch(trv), jrv.array(), RTOL, ATOL, what + ": running_var");
                }
            }
        }
        int[][] gshapes = {{2, 4, 3}, {3, 6, 2, 2}, {1, 4}};
        for (int[] s : gshapes) {
            for (int g : new int[] {1, 2}) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                    GradCase.Leaf w = c.leaf(DType.FLOAT32, new int[] {s[1]}, true);
                    GradCase.Leaf b = c.leaf(DType.FLOAT32, new int[] {s[1]}, true);
                    check(c, "group_norm " + g + " " + Arrays.toString(s),
                            () -> torch.group_norm(x.t, g, new TensorOptional(w.t), new TensorOptional(b.t), 1e-5, false),
                            () -> F.groupNorm(x.j, g, w.j, b.j, 1e-5), RTOL, ATOL, 1e-4);
                }
            }
        }
    }

    @Test
    void embeddingForwardAndWeightGradient() {
        Oracle.require();
        Random rnd = new Random(3);
        for (Integer pad : new Integer[] {null, 0, 3}) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                GradCase.Leaf w = c.leaf(DType.FLOAT32, new int[] {5, 3}, true);
                NDArray idx = c.index(new int[] {2, 4}, 0, 5);
                check(c, "embedding padding_idx=" + pad,
                        () -> torch.embedding(w.t, Oracle.toTorch(idx), pad == null ? -1 : pad, false, false),
                        () -> F.embedding(new dev.jtorch.Tensor(idx), w.j, pad), 0, 0);
            }
        }
    }

    @Test
    void elementwiseLosses() {
        Oracle.require();
        Random rnd = new Random(4);
        int[][] shapes = {{5}, {3, 4}, {2, 3, 7}, {1}};
        for (int[] s : shapes) {
            for (F.Reduction r : REDUCTIONS) {
                long red = r.ordinal();
                String tag = Arrays.toString(s) + " " + r;
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                    GradCase.Leaf y = c.leaf(DType.FLOAT32, s, true);
                    check(c, "mse " + tag, () -> torch.mse_loss(x.t, y.t, red), () -> F.mseLoss(x.j, y.j, r), RTOL, ATOL);
                }
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                    GradCase.Leaf y = c.leaf(DType.FLOAT32, s, true);
                    check(c, "l1 " + tag, () -> torch.l1_loss(x.t, y.t, red), () -> F.l1Loss(x.j, y.j, r), RTOL, ATOL);
                }
                for (double beta : new double[] {1.0, 0.5}) {
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                        GradCase.Leaf y = c.leaf(DType.FLOAT32, s, true);
                        check(c, "smooth_l1 beta=" + beta + " " + tag, () -> torch.smooth_l1_loss(x.t, y.t, red, beta),
                                () -> F.smoothL1Loss(x.j, y.j, r, beta), RTOL, ATOL);
                    }
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                        GradCase.Leaf y = c.leaf(DType.FLOAT32, s, true);
                        check(c, "huber delta=" + beta + " " + tag, () -> torch.huber_loss(x.t, y.t, red, beta),
                                () -> F.huberLoss(x.j, y.j, r, beta), RTOL, ATOL);
                    }
                }
                for (boolean weighted : new boolean[] {false, true}) {
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                        GradCase.Leaf y = c.leaf(DType.FLOAT32, s, false);
                        NDArray wv = c.values(DType.FLOAT32, s).abs();
                        Tensor tw = Oracle.toTorch(wv);
                        dev.jtorch.Tensor jw = new dev.jtorch.Tensor(wv);
                        // probabilities in (0, 1) for both operands: the sigmoid of the leaves
                        check(c, "bce weighted=" + weighted + " " + tag,
                                () -> torch.binary_cross_entropy(torch.sigmoid(x.t), torch.sigmoid(y.t),
                                        weighted ? new TensorOptional(tw) : new TensorOptional(), red),
                                () -> F.binaryCrossEntropy(x.j.sigmoid(), y.j.sigmoid(), weighted ? jw : null, r), RTOL, ATOL);
                    }
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                        GradCase.Leaf y = c.leaf(DType.FLOAT32, s, false);
                        NDArray pw = c.values(DType.FLOAT32, s[s.length - 1]).abs();
                        Tensor tpw = Oracle.toTorch(pw);
                        dev.jtorch.Tensor jpw = new dev.jtorch.Tensor(pw);
                        check(c, "bce_with_logits pos_weight=" + weighted + " " + tag,
                                () -> torch.binary_cross_entropy_with_logits(x.t.mul(new Scalar(4.0)), torch.sigmoid(y.t),
                                        new TensorOptional(), weighted ? new TensorOptional(tpw) : new TensorOptional(), red),
                                () -> F.binaryCrossEntropyWithLogits(x.j.mul(4.0), y.j.sigmoid(), null, r, weighted ? jpw : null),
                                RTOL, ATOL);
                    }
                    boolean logTarget = weighted;
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                        GradCase.Leaf y = c.leaf(DType.FLOAT32, s, true);
                        int last = s.length - 1;
                        check(c, "kl_div log_target=" + logTarget + " " + tag,
                                () -> torch.kl_div(torch.log_softmax(x.t, last), logTarget ? torch.log_softmax(y.t, last)
                                        : torch.softmax(y.t, last), red, logTarget),
                                () -> F.klDiv(x.j.logSoftmax(last), logTarget ? y.j.logSoftmax(last) : y.j.softmax(last),
                                        r.name().toLowerCase(), logTarget), RTOL, ATOL);
                    }
                }
            }
        }
    }

    @Test
    void crossEntropyAgainstCrossEntropyLoss() {
        Oracle.require();
        Random rnd = new Random(5);
        int[][] shapes = {{4, 3}, {16, 10}, {300, 7}, {5}};
        for (int[] s : shapes) {
            boolean batched = s.length == 2;
            int n = batched ? s[0] : 1;
            int cls = s[s.length - 1];
            for (F.Reduction r : REDUCTIONS) {
                for (int variant = 0; variant < 5; variant++) {
                    boolean weighted = variant == 1 || variant == 4;
                    long ignore = variant == 2 || variant == 4 ? 1 : -100;
                    double smoothing = variant >= 3 ? 0.2 : 0.0;
                    String what = "cross_entropy " + Arrays.toString(s) + " " + r + " weight=" + weighted + " ignore_index="
                            + ignore + " label_smoothing=" + smoothing;
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                        NDArray tgt = batched ? c.index(new int[] {n}, 0, cls) : c.index(new int[0], 0, cls);
                        NDArray wv = c.values(DType.FLOAT32, cls).abs().add(0.1);
                        Tensor tw = Oracle.toTorch(wv);
                        dev.jtorch.Tensor jw = new dev.jtorch.Tensor(wv);
                        boolean exact = smoothing == 0 && r != F.Reduction.NONE;
                        check(c, what,
                                () -> torch.cross_entropy_loss(x.t, Oracle.toTorch(tgt), weighted ? new TensorOptional(tw)
                                        : new TensorOptional(), r.ordinal(), ignore, smoothing),
                                () -> F.crossEntropy(x.j, new dev.jtorch.Tensor(tgt), weighted ? jw : null, ignore, r, smoothing),
                                exact ? 0 : RTOL, exact ? 0 : ATOL);
                    }
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.leaf(DType.FLOAT32, s, true);
                        GradCase.Leaf p = c.leaf(DType.FLOAT32, s, false);
                        NDArray wv = c.values(DType.FLOAT32, cls).abs().add(0.1);
                        Tensor tw = Oracle.toTorch(wv);
                        dev.jtorch.Tensor jw = new dev.jtorch.Tensor(wv);
                        int cd = batched ? 1 : 0;
                        check(c, "probability targets " + what,
                                () -> torch.cross_entropy_loss(x.t, torch.softmax(p.t, cd), weighted ? new TensorOptional(tw)
                                        : new TensorOptional(), r.ordinal(), -100, smoothing),
                                () -> F.crossEntropy(x.j, p.j.softmax(cd), weighted ? jw : null, -100, r, smoothing), RTOL, ATOL);
                    }
                }
            }
        }
    }

    /** Output values, then the same random output gradient in both frameworks, then every leaf's gradient. */
    private static void check(GradCase c, String what, Supplier<Tensor> torchOp, Supplier<dev.jtorch.Tensor> jtorchOp,
            double rtol, double atol) {
        check(c, what, torchOp, jtorchOp, rtol, atol, 1e-5);
    }

    /**
     * As above with an absolute floor for the gradients. Normalisation gradients are
     * {@code rstd * (g*w - mean(g*w) - xhat * mean(g*w*xhat))}: a difference of O(1) terms, so they carry
     * absolute rounding noise of a few float32 ulps of those terms (libtorch itself returns 1.5e-5
     * where the exact gradient is 0); they use an absolute floor of 1e-4.
     */
    private static void check(GradCase c, String what, Supplier<Tensor> torchOp, Supplier<dev.jtorch.Tensor> jtorchOp,
            double rtol, double atol, double gradAtol) {
        List<GradCase.Leaf> leaves = c.leaves();
        Tensor expected = torchOp.get();
        dev.jtorch.Tensor actual = jtorchOp.get();
        compare(Oracle.fromTorch(expected), actual.array(), what + ": output", rtol, atol);
        if (!expected.requires_grad()) {
            return;
        }
        NDArray g = c.values(actual.dtype(), actual.sizes());
        expected.backward(Oracle.toTorch(g), new BoolOptional(), false, new TensorArrayRefOptional());
        actual.backward(new dev.jtorch.Tensor(g));
        for (int i = 0; i < leaves.size(); i++) {
            GradCase.Leaf l = leaves.get(i);
            if (!l.jBase.requiresGrad()) {
                continue;
            }
            Tensor tg = l.tBase.grad();
            NDArray e = tg.defined() ? Oracle.fromTorch(tg) : NDArray.zeros(l.jBase.dtype(), l.jBase.sizes());
            dev.jtorch.Tensor jg = l.jBase.grad();
            NDArray a = jg != null ? jg.array() : NDArray.zeros(l.jBase.dtype(), l.jBase.sizes());
            // gradients pass through more rounded steps than the value (log_softmax backward after a
            // bit-exact loss, composed ops): rtol 1e-5 with an absolute floor of 1e-5
            compare(e, a, what + ": gradient of input " + i, RTOL, gradAtol);
        }
    }

    private static void compare(NDArray expected, NDArray actual, String what, double rtol, double atol) {
        if (rtol == 0 && atol == 0) {
            Oracle.assertExact(expected, actual, what);
        } else {
            Oracle.assertClose(expected, actual, rtol, atol, what);
        }
    }

    private static long[] longs(int[] v) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i];
        }
        return r;
    }
}
