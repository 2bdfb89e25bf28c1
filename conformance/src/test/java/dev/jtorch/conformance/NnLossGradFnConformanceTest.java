package dev.jtorch.conformance;

import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Every loss, in every reduction, records libtorch's {@code grad_fn} ({@code MseLossBackward0},
 * {@code SmoothL1LossBackward0}, ... for PyTorch's single-node losses; the last composed node for
 * the composite ones: {@code l1_loss}, {@code kl_div}, {@code cross_entropy}), with libtorch's values
 * and the gradients of input, target and (where PyTorch differentiates it) nothing else. Inputs and
 * targets take random layouts. Tolerance rtol 1e-5, atol 1e-5 in float32 (reductions in another
 * order than libtorch's kernels; {@link NnConformanceTest} checks the bit-exact cases on contiguous inputs).
 */
class NnLossGradFnConformanceTest {
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-5;

    @Test
    void elementwiseLosses() {
        Oracle.require();
        Random rnd = new Random(21);
        int[][] shapes = {{5}, {3, 4}, {2, 3, 4}, {0, 3}};
        for (int[] s : shapes) {
            for (F.Reduction r : F.Reduction.values()) {
                long red = r.ordinal();
                String tag = " " + Arrays.toString(s) + " " + r;
                pair(rnd, s, "mse" + tag, (x, y) -> () -> torch.mse_loss(x.t, y.t, red), (x, y) -> () -> F.mseLoss(x.j, y.j, r));
                pair(rnd, s, "l1" + tag, (x, y) -> () -> torch.l1_loss(x.t, y.t, red), (x, y) -> () -> F.l1Loss(x.j, y.j, r));
                for (double beta : new double[] {1.0, 0.3, 0.0}) {
                    pair(rnd, s, "smooth_l1 beta=" + beta + tag, (x, y) -> () -> torch.smooth_l1_loss(x.t, y.t, red, beta),
                            (x, y) -> () -> F.smoothL1Loss(x.j, y.j, r, beta));
                    if (beta > 0) {
                        pair(rnd, s, "huber delta=" + beta + tag, (x, y) -> () -> torch.huber_loss(x.t, y.t, red, beta),
                                (x, y) -> () -> F.huberLoss(x.j, y.j, r, beta));
                    }
                }
                for (boolean weighted : new boolean[] {false, true}) {
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                        GradCase.Leaf y = c.anyLayout(DType.FLOAT32, s, true, false);
                        NDArray wv = c.values(DType.FLOAT32, s).abs();
                        c.check("bce weighted=" + weighted + tag,
                                () -> torch.binary_cross_entropy(torch.sigmoid(x.t), torch.sigmoid(y.t),
                                        NnGradFnConformanceTest.opt(weighted, Oracle.toTorch(wv)), red),
                                () -> F.binaryCrossEntropy(x.j.sigmoid(), y.j.sigmoid(),
                                        weighted ? new dev.jtorch.Tensor(wv) : null, r), RTOL, ATOL);
                    }
                    for (boolean posWeighted : new boolean[] {false, true}) {
                        try (PointerScope scope = new PointerScope()) {
                            GradCase c = new GradCase(rnd);
                            GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                            GradCase.Leaf y = c.anyLayout(DType.FLOAT32, s, true, false);
                            NDArray wv = c.values(DType.FLOAT32, s).abs();
                            NDArray pw = c.values(DType.FLOAT32, s[s.length - 1]).abs();
                            c.check("bce_with_logits weight=" + weighted + " pos_weight=" + posWeighted + tag,
                                    () -> torch.binary_cross_entropy_with_logits(x.t, torch.sigmoid(y.t),
                                            NnGradFnConformanceTest.opt(weighted, Oracle.toTorch(wv)),
                                            NnGradFnConformanceTest.opt(posWeighted, Oracle.toTorch(pw)), red),
                                    () -> F.binaryCrossEntropyWithLogits(x.j, y.j.sigmoid(), weighted ? new dev.jtorch.Tensor(wv) : null,
                                            r, posWeighted ? new dev.jtorch.Tensor(pw) : null), RTOL, ATOL);
                        }
                    }
                    boolean logTarget = weighted;
                    int last = s.length - 1;
                    pair(rnd, s, "kl_div log_target=" + logTarget + tag,
                            (x, y) -> () -> torch.kl_div(torch.log_softmax(x.t, last),
                                    logTarget ? torch.log_softmax(y.t, last) : torch.softmax(y.t, last), red, logTarget),
                            (x, y) -> () -> F.klDiv(x.j.logSoftmax(last), logTarget ? y.j.logSoftmax(last) : y.j.softmax(last),
                                    r.name().toLowerCase(), logTarget));
                }
            }
            // Python's F.kl_div(reduction='batchmean') = kl_div(sum) / input.size(0) with a Python int, which
            // Python wraps as a 0-d tensor: DivBackward0 (C++'s `tensor / int64_t` would record DivBackward1)
            pair(rnd, s, "kl_div batchmean " + Arrays.toString(s),
                    (x, y) -> () -> torch.div(torch.kl_div(x.t, torch.softmax(y.t, 0), 2, false), torch.scalar_tensor(new org.bytedeco.pytorch.Scalar((long) s[0]))),
                    (x, y) -> () -> F.klDiv(x.j, y.j.softmax(0), "batchmean", false));
        }
    }

    @Test
    void classificationLosses() {
        Oracle.require();
        Random rnd = new Random(22);
        int[][] shapes = {{4, 3}, {6}, {2, 3, 5}};
        for (int[] s : shapes) {
            int cd = s.length == 1 ? 0 : 1;
            int cls = s[cd];
            int[] ts = s.length == 1 ? new int[0] : s.length == 2 ? new int[] {s[0]} : new int[] {s[0], s[2]};
            for (F.Reduction r : F.Reduction.values()) {
                for (double smoothing : new double[] {0.0, 0.1}) {
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                        NDArray t = c.index(ts, 0, cls);
                        c.check("cross_entropy smoothing=" + smoothing + " " + Arrays.toString(s) + " " + r,
                                () -> torch.cross_entropy_loss(x.t, Oracle.toTorch(t), new org.bytedeco.pytorch.TensorOptional(),
                                        r.ordinal(), -100, smoothing),
                                () -> F.crossEntropy(x.j, new dev.jtorch.Tensor(t), null, -100, r, smoothing),
                                RTOL, ATOL);
                    }
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                        GradCase.Leaf p = c.anyLayout(DType.FLOAT32, s, false, false);
                        c.check("cross_entropy probabilities smoothing=" + smoothing + " " + Arrays.toString(s) + " " + r,
                                () -> torch.cross_entropy_loss(x.t, torch.softmax(p.t, cd), new org.bytedeco.pytorch.TensorOptional(),
                                        r.ordinal(), -100, smoothing),
                                () -> F.crossEntropy(x.j, p.j.softmax(cd), null, -100, r, smoothing), RTOL, ATOL);
                    }
                }
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
                    NDArray t = c.index(ts, 0, cls);
                    c.check("nll_loss " + Arrays.toString(s) + " " + r,
                            () -> torch.nll_loss_nd(x.t, Oracle.toTorch(t), new org.bytedeco.pytorch.TensorOptional(), r.ordinal(), -100),
                            () -> F.nllLoss(x.j, new dev.jtorch.Tensor(t), null, -100, r), RTOL, ATOL);
                }
            }
        }
    }

    private interface PairOp<T> {
        Supplier<T> of(GradCase.Leaf x, GradCase.Leaf y);
    }

    /** A loss of two fresh leaves (input and target), both requiring grad. */
    private static void pair(Random rnd, int[] s, String what, PairOp<Tensor> t, PairOp<dev.jtorch.Tensor> j) {
        try (PointerScope scope = new PointerScope()) {
            GradCase c = new GradCase(rnd);
            GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, false);
            GradCase.Leaf y = c.anyLayout(DType.FLOAT32, s, true, false);
            c.check(what + " " + x + " " + y, t.of(x, y), j.of(x, y), RTOL, ATOL);
        }
    }
}
